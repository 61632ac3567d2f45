import Foundation
import FormrunnerCore

extension DirectoryAuthenticator {
    /// The key failed sign-ins of an e-mail address are counted under, known or not.
    public static func accountAttemptsKey(for email: String) -> String {
        "account:" + UserRecord.normalizedEmail(email)
    }

    /// The key failed sign-ins from a client (an IP address, a terminal) are counted under.
    public static func sourceAttemptsKey(for source: String) -> String {
        "source:" + source
    }

    /// Lifts the back-off or lock-out of `email` (`formrunner users unlock`); says whether one was counted.
    public static func unlock(email: String, in store: any SignInAttemptStore) async throws -> Bool {
        try await store.clearSignInAttempts(for: accountAttemptsKey(for: email))
    }

    /// The keys a sign-in of `email` counts against, with their limits: the account's and the source's.
    private func attemptKeys(_ email: String) -> [(key: String, limits: SignInAttemptLimits)] {
        var keys = [(DirectoryAuthenticator.accountAttemptsKey(for: email), configuration.accountLimits)]
        if let source = configuration.source {
            keys.append((DirectoryAuthenticator.sourceAttemptsKey(for: source), configuration.sourceLimits))
        }
        return keys
    }

    /// Runs the credential check `check` for `email` unless the account or source must wait; a failure
    /// that could be a guess is counted, and when it starts a wait the person is told so at once. A
    /// success forgets the account's failures (never the source's: signing in to one's own account
    /// must not buy more guesses at others).
    func limitingAttempts<T>(of email: String, now: Date,
                             _ check: () async throws(AuthenticationFailure) -> T) async throws(AuthenticationFailure) -> T {
        let keys = attemptKeys(email)
        for (key, limits) in keys {
            let attempts = try await mapped { try await codes.signInAttempts(for: key) }
            if attempts.isLocked(at: now) { throw DirectoryAuthenticator.waitFailure(attempts, limits: limits, now: now) }
        }
        let result: T
        do {
            result = try await check()
        } catch {
            guard DirectoryAuthenticator.isGuess(error) else { throw error }
            var wait: AuthenticationFailure?
            for (key, limits) in keys {
                let counted = try await mapped { try await codes.recordSignInFailure(for: key, now: now, limits: limits) }
                if wait == nil, counted.isLocked(at: now) { wait = DirectoryAuthenticator.waitFailure(counted, limits: limits, now: now) }
            }
            throw wait ?? error
        }
        _ = try await mapped { try await codes.clearSignInAttempts(for: DirectoryAuthenticator.accountAttemptsKey(for: email)) }
        return result
    }

    /// Runs an external password check (an auth plugin) of `email` under the same limits as the
    /// directory's own checks: its refusals count, and an address or source that must wait is not
    /// even asked about.
    public func limitingExternalCheck(of email: String, now: Date,
                                      _ check: () async throws -> UserRecord) async throws(AuthenticationFailure) -> UserRecord {
        try await limitingAttempts(of: email, now: now) { () async throws(AuthenticationFailure) in
            do {
                return try await check()
            } catch let failure as AuthenticationFailure {
                throw failure
            } catch {
                throw .unavailable("the sign-in check failed (\(type(of: error)))")
            }
        }
    }

    /// Whether `failure` is a wrong secret (a password, an authenticator code, an e-mail or SMS code,
    /// an external check's refusal), as a guess would be; malformed, expired or missing codes are not.
    private static func isGuess(_ failure: AuthenticationFailure) -> Bool {
        switch failure {
        case .wrongEmailOrPassword, .wrongAuthenticatorCode, .authenticatorCodeReused, .refused: return true
        case .code(.wrong), .code(.locked): return true
        default: return false
        }
    }

    /// What to tell someone who must wait: a back-off in seconds, or a lock-out until an instant.
    private static func waitFailure(_ attempts: SignInAttempts, limits: SignInAttemptLimits, now: Date) -> AuthenticationFailure {
        let until = attempts.lockedUntil ?? now
        if limits.isLockOut(attempts) { return .lockedOut(until: until) }
        return .tooManyAttempts(seconds: max(1, Int(until.timeIntervalSince(now).rounded(.up))))
    }
}
