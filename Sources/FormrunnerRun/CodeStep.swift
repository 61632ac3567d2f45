import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPrompt

/// The `one_time_code` step: a code is sent to the signed-in user (by e-mail or SMS, as the step
/// says) and must be typed back. Only its hash is stored; it expires, allows a few wrong tries, can
/// be sent again after a cool-down, and works once.
struct CodeStep {
    let step: StepDefinition.OneTimeCode
    let stepID: String
    let workflowID: String
    let services: FlowServices
    let prompter: any Prompter

    private var service: OneTimeCodeService {
        OneTimeCodeService(store: services.codes, policy: OneTimeCodePolicy(step))
    }

    /// The key the code is kept under.
    static func key(workflowID: String, stepID: String, email: String) -> String {
        "flow-code:\(workflowID):\(stepID):\(UserRecord.normalizedEmail(email))"
    }

    /// Sends a code to `user` and asks for it until it is right.
    func run(for user: UserRecord, language: String) async throws {
        let key = Self.key(workflowID: workflowID, stepID: stepID, email: user.email)
        try await send(to: user, key: key, firstTime: true)
        let label = step.label?.text(in: language) ?? "Code"
        while true {
            let entered = try prompter.askText(label, help: "Type \(SignIn.resendWord) to get a new code.", default: nil,
                                               masked: false, multiline: false) {
                $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type the code" : nil
            }.trimmingCharacters(in: .whitespaces)
            if entered == SignIn.resendWord {
                try await send(to: user, key: key)
                continue
            }
            do {
                try await service.verify(entered, for: key, now: services.clock())
                return
            } catch let failure as OneTimeCodeFailure {
                prompter.say(failure.message + SignIn.resendHint(after: failure), style: .error)
            }
        }
    }

    /// Sends a new code. The first time (a resumed run may come back within the cool-down), a code
    /// that is too soon to replace is the one still waiting, and the person is told to use it.
    private func send(to user: UserRecord, key: String, firstTime: Bool = false) async throws {
        let now = services.clock()
        let channel: CodeSender.Channel
        switch step.channel {
        case .email: channel = .email(user.email)
        case .sms:
            guard let phone = user.phone else {
                throw FlowStop("no phone number is on record for \(user.email), so the code cannot be sent; ask an administrator")
            }
            channel = .sms(phone)
        }
        do {
            let issued = try await service.issue(for: key, now: now)
            try await CodeSender(services: services).send(issued, to: channel, now: now)
            switch channel {
            case .email(let address): prompter.say("We sent a code to \(address).", style: .info)
            case .sms(let phone): prompter.say("We sent a code to your phone ending in \(String(phone.suffix(2))).", style: .info)
            }
        } catch let failure as OneTimeCodeFailure {
            if firstTime, case .tooSoon(let seconds) = failure {
                prompter.say("The code sent a moment ago still works; type \(SignIn.resendWord) for a new one in \(seconds) s.",
                             style: .info)
            } else {
                prompter.say(failure.message, style: .warning)
            }
        } catch let failure as CodeSender.Failure {
            prompter.say(failure.description, style: .error)
        }
    }
}
