import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

/// The `one_time_code` step in a terminal: the interpreter sends a code to the signed-in user (by
/// e-mail or SMS, as the step says) and it must be typed back; `resend` asks for a new one.
struct CodeStep {
    let step: StepDefinition
    let settings: StepDefinition.OneTimeCode
    let interpreter: FlowInterpreter
    let prompter: any Prompter

    /// Sends a code to `user` and asks for it until it is right; the step is then marked done.
    func run(for user: UserRecord, in state: inout FlowState) async throws {
        try await send(to: user, firstTime: true)
        let label = settings.label?.text(in: state.language) ?? "Code"
        while true {
            let entered = try prompter.askText(label, help: "Type \(SignIn.resendWord) to get a new code.", default: nil,
                                               masked: false, multiline: false) {
                $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type the code" : nil
            }.trimmingCharacters(in: .whitespaces)
            if entered == SignIn.resendWord {
                try await send(to: user, firstTime: false)
                continue
            }
            do {
                try await interpreter.verifyCode(entered, for: step, settings: settings, user: user, in: &state)
                return
            } catch let failure as OneTimeCodeFailure {
                prompter.say(failure.message + SignIn.resendHint(after: failure), style: .error)
            }
        }
    }

    private func send(to user: UserRecord, firstTime: Bool) async throws {
        switch try await interpreter.sendCode(for: step, settings: settings, to: user, firstTime: firstTime) {
        case .sentByEmail(let address): prompter.say("We sent a code to \(address).", style: .info)
        case .sentBySMS(let digits): prompter.say("We sent a code to your phone ending in \(digits).", style: .info)
        case .stillValid(let seconds):
            prompter.say("The code sent a moment ago still works; type \(SignIn.resendWord) for a new one in \(seconds) s.",
                         style: .info)
        case .notSent(let reason): prompter.say(reason, style: .warning)
        }
    }
}
