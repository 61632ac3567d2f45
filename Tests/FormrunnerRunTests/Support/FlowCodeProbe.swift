import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
@testable import FormrunnerRun

/// Checks a code against the technical flow's one-time code step, as the runner would.
struct FlowCodeProbe {
    let desk: FlowDesk

    /// nil when accepted, else the refusal's message.
    func verify(_ code: String) async throws -> String? {
        let service = OneTimeCodeService(store: desk.codes)
        do {
            try await service.verify(code, for: FlowInterpreter.codeKey(workflowID: "technical-support", stepID: "otp",
                                                             email: "ana@example.com"), now: desk.clock.now)
            return nil
        } catch let failure as OneTimeCodeFailure {
            return failure.message
        }
    }
}
