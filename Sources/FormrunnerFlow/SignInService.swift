import Foundation
import FormrunnerAuth
import FormrunnerCore

/// The `authentication` step's logic, whoever asks the questions: which methods are offered, sending
/// e-mail and SMS codes, and checking what the person gives. The terminal and the web both use it.
///
/// Unknown and known e-mail addresses get the same answers: a code request always says a code is on
/// its way "if the address may sign in here", and a wrong password reads like an unknown address.
public struct SignInService: Sendable {
    /// The step's settings: methods and second factors.
    public let step: StepDefinition.Authentication
    /// The directory, code store, notifiers, Google verifier and clock.
    public let services: FlowServices

    /// Where the person signs in from (a client's IP address), whose failures are limited too; nil
    /// to limit per address only.
    public var source: String?

    /// A sign-in for `step`, from `source` when known.
    public init(step: StepDefinition.Authentication, services: FlowServices, source: String? = nil) {
        self.step = step
        self.services = services
        self.source = source
    }

    private var authenticator: DirectoryAuthenticator {
        var configuration = DirectoryAuthenticator.Configuration(
            step: step, google: services.google, passwordHasher: services.passwordHasher)
        configuration.source = source
        return DirectoryAuthenticator(directory: services.directory, codes: services.codes, configuration: configuration)
    }

    /// The methods offered: the step's, without Google when no key set is configured.
    public var methods: [StepDefinition.Authentication.Method] {
        step.methods.filter { $0 != .google || services.google != nil }
    }

    /// A code request's result, the same for unknown and known addresses when it was accepted.
    public enum CodeRequest: Hashable, Sendable {
        /// Accepted: a code is on its way if the address may sign in (or to the phone with these last digits).
        case accepted(phoneEnding: String?)
        /// Not sent, and why (too soon, the notifier failed); the person may ask again later.
        case notSent(String)
    }

    /// How long a code sent in the background waits before it is written (nanoseconds): 50 ms, so
    /// that its work never overlaps the answer to the request.
    static let backgroundDelay: UInt64 = 50_000_000

    /// Sends a sign-in code to `email` when it belongs to a user; says the same either way.
    ///
    /// With `inBackground`, the e-mail is written after the answer (a failed delivery goes to
    /// `failed`), so that the answer takes as long for an unknown address as for a known one.
    public func requestEmailCode(to email: String, inBackground: Bool = false,
                                 failed: @escaping @Sendable (String) -> Void = { _ in }) async throws -> CodeRequest {
        let now = services.clock()
        do {
            guard let issued = try await authenticator.requestEmailToken(email: email, now: now) else {
                return .accepted(phoneEnding: nil)
            }
            let sender = CodeSender(services: services)
            guard inBackground else {
                try await sender.send(issued, to: .email(email), now: now)
                return .accepted(phoneEnding: nil)
            }
            Task.detached {
                do {
                    // After the answer has gone out: rendering and starting a mail command must not
                    // slow the answer down either.
                    try? await Task.sleep(nanoseconds: Self.backgroundDelay)
                    try await sender.send(issued, to: .email(email), now: now)
                } catch {
                    failed("\(error)")
                }
            }
            return .accepted(phoneEnding: nil)
        } catch let failure as AuthenticationFailure {
            guard case .code(let code) = failure else { throw failure }
            return .notSent(code.message)
        } catch let failure as CodeSender.Failure {
            return .notSent(failure.description)
        }
    }

    /// Checks the password and sends an SMS code to the user's phone as the second factor.
    /// - Throws: ``AuthenticationFailure`` for a wrong password or a user without SMS.
    public func requestSMSCode(email: String, password: String) async throws -> CodeRequest {
        try await sendingSMS { now in try await authenticator.requestSMSCode(email: email, password: password, now: now) }
    }

    /// Sends an SMS code to a user whose password was checked a moment ago (a web session's proof).
    public func requestSMSCode(verifiedEmail email: String) async throws -> CodeRequest {
        try await sendingSMS { now in try await authenticator.requestSMSCode(verifiedEmail: email, now: now) }
    }

    /// Issues an SMS challenge with `issue` and sends its code; a code refused (too soon) or not
    /// delivered is told, not thrown.
    private func sendingSMS(_ issue: (Date) async throws -> DirectoryAuthenticator.SMSChallenge) async throws -> CodeRequest {
        let now = services.clock()
        do {
            let challenge = try await issue(now)
            try await CodeSender(services: services).send(challenge.code, to: .sms(challenge.phone), now: now)
            return .accepted(phoneEnding: String(challenge.phone.suffix(2)))
        } catch let failure as AuthenticationFailure {
            guard case .code(let code) = failure else { throw failure }
            return .notSent(code.message)
        } catch let failure as CodeSender.Failure {
            return .notSent(failure.description)
        }
    }

    /// The user a second factor proves, after their password was checked a moment ago.
    public func completeSecondFactor(email: String, code: SecondFactorCode) async throws(AuthenticationFailure) -> UserRecord {
        try await authenticator.completeSecondFactor(email: email, code: code, now: services.clock())
    }

    /// The user an e-mailed code proves.
    public func signIn(email: String, code: String) async throws(AuthenticationFailure) -> UserRecord {
        try await authenticator.authenticate(.emailToken(email: email, code: code.trimmingCharacters(in: .whitespaces)),
                                             now: services.clock())
    }

    /// The user a password (and second factor) proves. An external password checker, when one is
    /// configured, decides instead of the directory's hashes.
    /// - Throws: ``AuthenticationFailure/secondFactorRequired(_:)`` when a second factor must follow.
    public func signIn(email: String, password: String, secondFactor: SecondFactorCode?) async throws -> UserRecord {
        if let external = services.passwordAuthenticator {
            let now = services.clock()
            return try await authenticator.limitingExternalCheck(of: email, now: now) {
                try await external.authenticate(.password(email: email, password: password, secondFactor: nil), now: now)
            }
        }
        return try await authenticator.authenticate(.password(email: email, password: password, secondFactor: secondFactor),
                                                    now: services.clock())
    }

    /// The user a Google ID token proves.
    public func signIn(googleIDToken token: String) async throws(AuthenticationFailure) -> UserRecord {
        try await authenticator.authenticate(.google(idToken: token), now: services.clock())
    }
}
