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
        try await send(to: user, firstTime: true, language: state.language)
        let language = state.language
        let label = settings.label?.text(in: language) ?? RequesterText.code.text(language)
        while true {
            let entered = try prompter.askText(label, help: RequesterText.typeResend.text(language, SignIn.resendWord), default: nil,
                                               masked: false, multiline: false) {
                $0.trimmingCharacters(in: .whitespaces).isEmpty ? RequesterText.typeTheCode.text(language) : nil
            }.trimmingCharacters(in: .whitespaces)
            if entered == SignIn.resendWord {
                try await send(to: user, firstTime: false, language: language)
                continue
            }
            do {
                try await interpreter.verifyCode(entered, for: step, settings: settings, user: user, in: &state)
                return
            } catch let failure as OneTimeCodeFailure {
                prompter.say(failure.message(in: language) + SignIn.resendHint(after: failure, in: language), style: .error)
            }
        }
    }

    private func send(to user: UserRecord, firstTime: Bool, language: String) async throws {
        switch try await interpreter.sendCode(for: step, settings: settings, to: user, firstTime: firstTime,
                                              language: language) {
        case .sentByEmail(let address): prompter.say(RequesterText.sentCodeTo.text(language, address), style: .info)
        case .sentBySMS(let digits): prompter.say(RequesterText.sentCodeToPhone.text(language, digits), style: .info)
        case .stillValid(let seconds):
            prompter.say(RequesterText.codeStillValid.text(language, SignIn.resendWord, String(seconds)), style: .info)
        case .notSent(let reason): prompter.say(reason, style: .warning)
        }
    }
}
