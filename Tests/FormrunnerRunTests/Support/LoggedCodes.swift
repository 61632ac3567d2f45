import Foundation
import FormrunnerCore

/// One-time codes kept by `base`, each call logged.
struct LoggedCodes: OneTimeCodeStore {
    let base: any OneTimeCodeStore
    let log: OperationLog

    func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws {
        log.append("codes.issue")
        try await base.issue(for: key, codeHash: codeHash, expiresAt: expiresAt, now: now, resendAfter: resendAfter)
    }

    func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck {
        log.append("codes.verify")
        return try await base.verify(key: key, codeHash: codeHash, now: now, maxAttempts: maxAttempts)
    }

    func deleteExpiredCodes(now: Date) async throws -> Int {
        log.append("codes.deleteExpired")
        return try await base.deleteExpiredCodes(now: now)
    }

    func signInAttempts(for key: String) async throws -> SignInAttempts {
        log.append("attempts.read")
        return try await base.signInAttempts(for: key)
    }

    func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts {
        log.append("attempts.fail")
        return try await base.recordSignInFailure(for: key, now: now, limits: limits)
    }

    func clearSignInAttempts(for key: String) async throws -> Bool {
        log.append("attempts.clear")
        return try await base.clearSignInAttempts(for: key)
    }
}
