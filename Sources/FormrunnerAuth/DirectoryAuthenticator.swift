import Foundation
import FormrunnerCore

/// Signs people in against a ``FormrunnerCore/UserDirectory``: e-mailed codes, passwords with an
/// authenticator app or SMS code as second factor, and Google ID tokens.
///
/// - **E-mail code**: ``requestEmailToken(email:now:)`` issues a code for a known user (the caller
///   e-mails it); ``authenticate(_:now:)`` with ``Credentials/emailToken(email:code:)`` checks it.
///   Codes live under ``emailTokenKey(for:)`` and follow ``Configuration/emailCodes``.
/// - **Password**: the hash in ``FormrunnerCore/UserRecord/passwordHash`` is checked (an unknown
///   e-mail costs the same time and gets the same answer as a wrong password). When the
///   configuration asks for second factors, one the user has set up must come with it: a TOTP code
///   (used once only) or an SMS code from ``requestSMSCode(email:password:now:)``.
/// - **Google**: the ID token is verified, then its e-mail must be in the directory.
///
/// Wrong passwords, authenticator, SMS and e-mailed codes are counted per address (known or not) and
/// per ``Configuration/source`` in the code store: past a few, the address must wait (doubling), and
/// past ``Configuration/accountLimits`` it is locked out until an administrator unlocks it
/// (``unlock(email:in:)``). A new e-mailed code does not reset the count; a successful sign-in does.
public struct DirectoryAuthenticator: Authenticator {
    /// `directory`.
    public let name = "directory"
    /// Who may sign in.
    public let directory: any UserDirectory
    /// Where e-mail and SMS codes, and used TOTP steps, are kept.
    public let codes: any OneTimeCodeStore
    /// What is offered.
    public let configuration: Configuration

    /// An authenticator over `directory`, keeping codes in `codes`.
    public init(directory: any UserDirectory, codes: any OneTimeCodeStore, configuration: Configuration = Configuration()) {
        self.directory = directory
        self.codes = codes
        self.configuration = configuration
    }

    /// The one-time code key of an e-mailed sign-in code.
    public static func emailTokenKey(for email: String) -> String {
        "login-email:" + UserRecord.normalizedEmail(email)
    }

    /// The one-time code key of an SMS second-factor code.
    public static func smsKey(for email: String) -> String {
        "login-sms:" + UserRecord.normalizedEmail(email)
    }

    /// Issues a sign-in code to e-mail to `email`, or nil when no such user exists (tell the person
    /// the same either way: "if this address has access, a code is on its way").
    public func requestEmailToken(email: String, now: Date = Date()) async throws(AuthenticationFailure) -> IssuedCode? {
        try requireOffered(.emailToken)
        return try await mapped {
            // A code is issued for an unknown address too, and never sent: its cool-down, its attempts
            // and the messages about it are then the same whoever asks, so no one learns who has access.
            let issued = try await emailCodes.issue(for: DirectoryAuthenticator.emailTokenKey(for: email), now: now)
            return try await directory.user(email: email) == nil ? nil : issued
        }
    }

    /// Checks the password and issues an SMS code for the user's phone as their second factor.
    public func requestSMSCode(email: String, password: String, now: Date = Date()) async throws(AuthenticationFailure) -> SMSChallenge {
        try requireOffered(.password)
        let user = try await limitingAttempts(of: email, now: now) { () async throws(AuthenticationFailure) in
            try await passwordUser(email: email, password: password)
        }
        let available = availableSecondFactors(of: user)
        guard available.contains(.sms), let phone = user.phone else {
            throw available.isEmpty ? .secondFactorNotSetUp : .secondFactorRequired(available)
        }
        let code = try await mapped { try await smsCodes.issue(for: DirectoryAuthenticator.smsKey(for: user.email), now: now) }
        return SMSChallenge(phone: phone, code: code)
    }

    /// The user `credentials` prove at `now`: see the type's documentation for each method. A
    /// password sign-in that needs a second factor and has none throws
    /// ``AuthenticationFailure/secondFactorRequired(_:)`` listing the ones the user can give.
    public func authenticate(_ credentials: Credentials, now: Date = Date()) async throws(AuthenticationFailure) -> UserRecord {
        try requireOffered(credentials.method)
        switch credentials {
        case .emailToken(let email, let code):
            try await limitingAttempts(of: email, now: now) { () async throws(AuthenticationFailure) in
                try await mapped { try await emailCodes.verify(code, for: DirectoryAuthenticator.emailTokenKey(for: email), now: now) }
            }
            return try await knownUser(email)
        case .password(let email, let password, let secondFactor):
            return try await limitingAttempts(of: email, now: now) { () async throws(AuthenticationFailure) in
                let user = try await passwordUser(email: email, password: password)
                try await checkSecondFactor(secondFactor, of: user, now: now)
                return user
            }
        case .google(let idToken):
            guard let verifier = configuration.google else { throw .methodNotOffered(.google) }
            let identity: GoogleIdentity
            do { identity = try verifier.verify(idToken, now: now) } catch { throw .googleToken(error) }
            return try await knownUser(identity.email)
        }
    }

    /// Finishes a password sign-in whose password was checked a moment ago (by ``authenticate(_:now:)``
    /// answering ``AuthenticationFailure/secondFactorRequired(_:)``): the second factor alone. A web
    /// session keeps that proof for a few minutes, never the password itself.
    public func completeSecondFactor(email: String, code: SecondFactorCode,
                                     now: Date = Date()) async throws(AuthenticationFailure) -> UserRecord {
        try requireOffered(.password)
        let user = try await knownUser(email)
        try await limitingAttempts(of: email, now: now) { () async throws(AuthenticationFailure) in
            try await checkSecondFactor(code, of: user, now: now)
        }
        return user
    }

    /// Issues an SMS code for a user whose password was checked a moment ago (see
    /// ``completeSecondFactor(email:code:now:)``).
    public func requestSMSCode(verifiedEmail email: String, now: Date = Date()) async throws(AuthenticationFailure) -> SMSChallenge {
        try requireOffered(.password)
        let user = try await knownUser(email)
        guard availableSecondFactors(of: user).contains(.sms), let phone = user.phone else { throw .secondFactorNotSetUp }
        let code = try await mapped { try await smsCodes.issue(for: DirectoryAuthenticator.smsKey(for: user.email), now: now) }
        return SMSChallenge(phone: phone, code: code)
    }

    /// The user whose password `password` is; the same failure, after the same work, otherwise.
    private func passwordUser(email: String, password: String) async throws(AuthenticationFailure) -> UserRecord {
        let hasher = configuration.passwordHasher
        guard let user = try await mapped({ try await directory.user(email: email) }), let hash = user.passwordHash else {
            hasher.simulateVerification(password)
            throw .wrongEmailOrPassword
        }
        guard hasher.verify(password, against: hash) else { throw .wrongEmailOrPassword }
        return user
    }

    /// Checks the second factor a password sign-in needs, if the configuration asks for one.
    private func checkSecondFactor(_ given: SecondFactorCode?, of user: UserRecord, now: Date) async throws(AuthenticationFailure) {
        guard !configuration.secondFactors.isEmpty else { return }
        let available = availableSecondFactors(of: user)
        guard !available.isEmpty else { throw .secondFactorNotSetUp }
        guard let given, available.contains(given.kind) else { throw .secondFactorRequired(available) }
        switch given {
        case .totp(let code):
            guard let secret = user.totpSecret.flatMap(Base32.decode) else {
                throw .unavailable("the authenticator secret of \(user.email) cannot be read; ask an administrator to set it up again")
            }
            let totp = configuration.totp
            guard let step = totp.matchingStep(for: code, secret: secret, at: now) else { throw .wrongAuthenticatorCode }
            let replay = TOTPReplayGuard(store: codes, totp: totp)
            guard try await mapped({ try await replay.claim(step: step, email: user.email, now: now) }) else {
                throw .authenticatorCodeReused
            }
        case .sms(let code):
            try await mapped { try await smsCodes.verify(code, for: DirectoryAuthenticator.smsKey(for: user.email), now: now) }
        }
    }

    /// The configured second factors the user has set up, in configuration order.
    private func availableSecondFactors(of user: UserRecord) -> [StepDefinition.Authentication.SecondFactor] {
        configuration.secondFactors.filter { factor in
            switch factor {
            case .totp: return user.totpSecret != nil
            case .sms: return user.phone != nil
            }
        }
    }

    private func knownUser(_ email: String) async throws(AuthenticationFailure) -> UserRecord {
        guard let user = try await mapped({ try await directory.user(email: email) }) else {
            throw .noAccess(email: UserRecord.normalizedEmail(email))
        }
        return user
    }

    private func requireOffered(_ method: StepDefinition.Authentication.Method) throws(AuthenticationFailure) {
        guard configuration.methods.contains(method) else { throw .methodNotOffered(method) }
    }

    private var emailCodes: OneTimeCodeService { OneTimeCodeService(store: codes, policy: configuration.emailCodes) }
    private var smsCodes: OneTimeCodeService { OneTimeCodeService(store: codes, policy: configuration.smsCodes) }

    /// Runs `body`, turning code failures and store errors into ``AuthenticationFailure``.
    func mapped<T>(_ body: () async throws -> T) async throws(AuthenticationFailure) -> T {
        do {
            return try await body()
        } catch let failure as AuthenticationFailure {
            throw failure
        } catch let failure as OneTimeCodeFailure {
            throw .code(failure)
        } catch let error as IdentityStoreError {
            throw .unavailable(error.description)
        } catch {
            throw .unavailable("the identity store failed (\(type(of: error)))")
        }
    }
}
