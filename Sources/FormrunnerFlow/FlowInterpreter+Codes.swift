import Foundation
import FormrunnerAuth
import FormrunnerCore

extension FlowInterpreter {
    /// What became of a request to send a step's one-time code.
    public enum CodeNotice: Hashable, Sendable {
        /// A code is on its way to this e-mail address.
        case sentByEmail(String)
        /// A code is on its way to the phone whose last two digits these are.
        case sentBySMS(lastDigits: String)
        /// The code sent a moment ago still works; a new one can be asked for in this many seconds.
        case stillValid(seconds: Int)
        /// No code was sent, and why (too soon, the notifier failed).
        case notSent(String)
    }

    /// The key a step's code is kept under for a user.
    public static func codeKey(workflowID: String, stepID: String, email: String) -> String {
        "flow-code:\(workflowID):\(stepID):\(UserRecord.normalizedEmail(email))"
    }

    private func codeService(_ settings: StepDefinition.OneTimeCode) -> OneTimeCodeService {
        OneTimeCodeService(store: services.codes, policy: OneTimeCodePolicy(settings))
    }

    /// Sends a new code for the `one_time_code` step to `user`, by e-mail or SMS as the step says.
    ///
    /// The first time a step is shown (a resumed run may come back within the cool-down), a code that
    /// is too soon to replace is the one still waiting: ``CodeNotice/stillValid(seconds:)``.
    /// - Throws: ``FlowStop`` when the user has no phone number for an SMS code.
    public func sendCode(for step: StepDefinition, settings: StepDefinition.OneTimeCode, to user: UserRecord,
                         firstTime: Bool, language: String? = nil) async throws -> CodeNotice {
        let now = services.clock()
        let channel: CodeSender.Channel
        switch settings.channel {
        case .email: channel = .email(user.email)
        case .sms:
            guard let phone = user.phone else {
                throw FlowStop("no phone number is on record for \(user.email), so the code cannot be sent; ask an administrator")
            }
            channel = .sms(phone)
        }
        do {
            let issued = try await codeService(settings).issue(for: Self.codeKey(workflowID: flow.id, stepID: step.id,
                                                                                  email: user.email), now: now)
            try await CodeSender(services: services).send(issued, to: channel, now: now, language: language)
            switch channel {
            case .email(let address): return .sentByEmail(address)
            case .sms(let phone): return .sentBySMS(lastDigits: String(phone.suffix(2)))
            }
        } catch let failure as OneTimeCodeFailure {
            if firstTime, case .tooSoon(let seconds) = failure { return .stillValid(seconds: seconds) }
            return .notSent(failure.message)
        } catch let failure as CodeSender.Failure {
            return .notSent(failure.description)
        }
    }

    /// Checks a code typed for the `one_time_code` step; on success the code is spent and the step
    /// is marked done.
    /// - Throws: ``OneTimeCodeFailure`` when it is wrong, expired, locked or missing.
    public func verifyCode(_ entered: String, for step: StepDefinition, settings: StepDefinition.OneTimeCode,
                           user: UserRecord, in state: inout FlowState) async throws {
        let key = Self.codeKey(workflowID: flow.id, stepID: step.id, email: user.email)
        try await codeService(settings).verify(entered.trimmingCharacters(in: .whitespaces), for: key, now: services.clock())
        state.markDone(step.id)
    }
}
