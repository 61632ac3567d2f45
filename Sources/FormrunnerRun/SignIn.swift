import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

/// The `authentication` step: the person picks one of the step's methods and proves who they are.
///
/// A refused attempt is shown with its reason and asked again; a wrong e-mail or password goes
/// back to the choice of method. Codes can be sent again by typing `resend` at the code prompt.
struct SignIn {
    let step: StepDefinition.Authentication
    let services: FlowServices
    let prompter: any Prompter
    /// The language of the prompts (`--lang`, the environment; sign-in comes before any choice).
    var language = "en"

    /// The word that asks for a new code at a code prompt.
    static let resendWord = "resend"

    private var service: SignInService { SignInService(step: step, services: services) }


    /// The methods offered: the step's, without Google when no key set is configured.
    var methods: [StepDefinition.Authentication.Method] { service.methods }

    /// Signs the person in and returns who they are.
    func run() async throws -> UserRecord {
        var last: String?
        while true {
            let method = try chooseMethod(default: last)
            last = method.rawValue
            do {
                switch method {
                case .emailToken: return try await emailToken()
                case .password: return try await password()
                case .google: return try await google()
                }
            } catch let failure as AuthenticationFailure {
                prompter.say(failure.message, style: .error)
            }
        }
    }

    private func chooseMethod(default last: String?) throws(PromptInterruption) -> StepDefinition.Authentication.Method {
        let offered = methods
        if offered.count == 1 { return offered[0] }
        let options = offered.map { PromptOption(id: $0.rawValue, label: Self.label(of: $0, in: language)) }
        let id = try prompter.askChoice(RequesterText.howSignIn.text(language), help: nil, options: options,
                                        default: last ?? options.first?.id)
        return StepDefinition.Authentication.Method(rawValue: id) ?? offered[0]
    }

    static func label(of method: StepDefinition.Authentication.Method, in language: String = "en") -> String {
        switch method {
        case .emailToken: return RequesterText.codeByEmail.text(language)
        case .google: return RequesterText.signInWithGoogle.text(language)
        case .password: return RequesterText.emailAndPassword.text(language)
        }
    }

    // MARK: Methods

    private func emailToken() async throws -> UserRecord {
        let email = try askEmail()
        try await sendEmailToken(to: email)
        while true {
            let code = try await askCodeOnItsOwnThread(RequesterText.codeSentTo.text(language, email))
            if code == Self.resendWord {
                try await sendEmailToken(to: email)
                continue
            }
            do {
                return try await service.signIn(email: email, code: code)
            } catch {
                guard case .code(let failure) = error else { throw error }
                prompter.say(failure.message(in: language) + Self.resendHint(after: failure, in: language), style: .error)
            }
        }
    }

    /// Asks for a code for `email`; the e-mail goes out after the answer (unless the services say
    /// otherwise), so that a known address is answered as fast as an unknown one.
    private func sendEmailToken(to email: String) async throws {
        switch try await service.requestEmailCode(to: email, inBackground: !services.deliverCodesInline,
                                                  failed: services.codeDeliveryFailed) {
        case .accepted: prompter.say(RequesterText.codeOnItsWay.text(language, email), style: .info)
        case .notSent(let reason): prompter.say(reason, style: .warning)
        }
    }

    private func password() async throws -> UserRecord {
        let email = try askEmail()
        let password = try prompter.askText(RequesterText.password.text(language), help: nil, default: nil, masked: true, multiline: false) {
            $0.isEmpty ? RequesterText.typePassword.text(language) : nil
        }
        do {
            return try await service.signIn(email: email, password: password, secondFactor: nil)
        } catch AuthenticationFailure.secondFactorRequired(let factors) {
            return try await secondFactor(email: email, password: password, among: factors)
        }
    }

    private func secondFactor(email: String, password: String,
                              among factors: [StepDefinition.Authentication.SecondFactor]) async throws -> UserRecord {
        var factor = factors.first ?? .totp
        if factors.count > 1 {
            let options = factors.map { PromptOption(id: $0.rawValue, label: $0 == .totp
                                                     ? RequesterText.authenticatorOption.text(language) : RequesterText.smsOption.text(language)) }
            let id = try prompter.askChoice(RequesterText.secondStep.text(language), help: nil, options: options, default: options.first?.id)
            factor = StepDefinition.Authentication.SecondFactor(rawValue: id) ?? factor
        }
        if factor == .sms { try await sendSMS(email: email, password: password) }
        while true {
            let code = try askCode(factor == .totp ? RequesterText.codeFromApp.text(language) : RequesterText.codeBySMS.text(language),
                                   resend: factor == .sms)
            if factor == .sms, code == Self.resendWord {
                try await sendSMS(email: email, password: password)
                continue
            }
            let given: SecondFactorCode = factor == .totp ? .totp(code) : .sms(code)
            do {
                return try await service.signIn(email: email, password: password, secondFactor: given)
            } catch let error as AuthenticationFailure {
                switch error {
                case .wrongAuthenticatorCode, .authenticatorCodeReused: prompter.say(error.message, style: .error)
                case .code(let failure): prompter.say(failure.message(in: language) + Self.resendHint(after: failure, in: language), style: .error)
                default: throw error
                }
            }
        }
    }

    private func sendSMS(email: String, password: String) async throws {
        switch try await service.requestSMSCode(email: email, password: password) {
        case .accepted(let ending): prompter.say(RequesterText.codeOnItsWayToPhone.text(language, ending ?? "??"), style: .info)
        case .notSent(let reason): prompter.say(reason, style: .warning)
        }
    }

    private func google() async throws -> UserRecord {
        let token = try prompter.askText(RequesterText.googleToken.text(language), help: RequesterText.pasteGoogleToken.text(language), default: nil,
                                         masked: true, multiline: false) { $0.isEmpty ? RequesterText.pasteToken.text(language) : nil }
        return try await service.signIn(googleIDToken: token)
    }

    // MARK: Questions

    private func askEmail() throws(PromptInterruption) -> String {
        try prompter.askText(RequesterText.email.text(language), help: nil, default: nil, masked: false, multiline: false) { text in
            AnswerParser.isEmail(text.trimmingCharacters(in: .whitespaces)) ? nil : "'\(text)' is not an e-mail address"
        }.trimmingCharacters(in: .whitespaces)
    }

    private func askCode(_ label: String, resend: Bool = true) throws(PromptInterruption) -> String {
        try prompter.askText(label, help: resend ? RequesterText.typeResend.text(language, Self.resendWord) : nil, default: nil,
                             masked: false, multiline: false) { $0.trimmingCharacters(in: .whitespaces).isEmpty ? RequesterText.typeTheCode.text(language) : nil }
            .trimmingCharacters(in: .whitespaces)
    }

    /// The e-mailed code, asked on a thread of its own: the prompt blocks while it waits for the
    /// keyboard, and the code e-mail, sent in the background after the answer, needs one of the
    /// cooperative threads to go out (a machine with one core has only one).
    private func askCodeOnItsOwnThread(_ label: String) async throws -> String {
        let ask = BlockingPrompt { try askCode(label) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ask.run() }) }.start()
        }
    }

    /// A prompt handed to another thread; the caller waits for it, so nothing else uses the prompter meanwhile.
    private struct BlockingPrompt: @unchecked Sendable {
        let run: () throws -> String
    }

    /// A hint to ask for a new code after failures that make the current one useless.
    static func resendHint(after failure: OneTimeCodeFailure, in language: String = "en") -> String {
        switch failure {
        case .expired, .locked, .noCode: return RequesterText.typeResendShort.text(language, resendWord)
        default: return ""
        }
    }
}
