import Foundation
import FormrunnerCore

/// Issues and checks one-time codes over a ``FormrunnerCore/OneTimeCodeStore``, enforcing a
/// ``OneTimeCodePolicy``: expiry, wrong-try lock-out, resend cool-down, and single use.
///
/// A key names what the code is for and whom (for example `login-email:ana@example.com`); each key
/// has at most one live code. Codes are generated here, stored only as ``OneTimeCodes/hash(_:key:)``,
/// and returned once to be sent.
public struct OneTimeCodeService: Sendable {
    /// Where code hashes wait.
    public let store: any OneTimeCodeStore
    /// The rules.
    public let policy: OneTimeCodePolicy

    /// A service over `store` with `policy`.
    public init(store: any OneTimeCodeStore, policy: OneTimeCodePolicy = OneTimeCodePolicy()) {
        self.store = store
        self.policy = policy
    }

    /// Issues a new code for `key`, replacing any earlier one.
    ///
    /// Throws ``OneTimeCodeFailure/tooSoon(seconds:)`` (whole seconds, rounded up) during the resend
    /// cool-down; store failures pass through.
    public func issue(for key: String, now: Date = Date()) async throws -> IssuedCode {
        let code = OneTimeCodes.generate(digits: policy.digits)
        let expiresAt = now.addingTimeInterval(policy.lifetime).roundedToMilliseconds
        do {
            try await store.issue(for: key, codeHash: OneTimeCodes.hash(code, key: key), expiresAt: expiresAt,
                                  now: now, resendAfter: policy.resendAfter)
        } catch IdentityStoreError.tooSoon(let retryAt) {
            throw OneTimeCodeFailure.tooSoon(seconds: max(1, Int(retryAt.timeIntervalSince(now).rounded(.up))))
        }
        return IssuedCode(code: code, expiresAt: expiresAt)
    }

    /// Accepts `entered` if it is the live code for `key` (which is then used up).
    ///
    /// Throws a ``OneTimeCodeFailure`` saying why not; text that is not a code of the policy's
    /// length is refused without counting a try. Store failures pass through.
    public func verify(_ entered: String, for key: String, now: Date = Date()) async throws {
        let code = OneTimeCodes.normalized(entered)
        guard code.count == policy.digits, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw OneTimeCodeFailure.malformed(digits: policy.digits)
        }
        switch try await store.verify(key: key, codeHash: OneTimeCodes.hash(code, key: key), now: now,
                                      maxAttempts: policy.maxAttempts) {
        case .accepted: return
        case .wrong(let remaining): throw OneTimeCodeFailure.wrong(remaining: remaining)
        case .expired: throw OneTimeCodeFailure.expired
        case .locked: throw OneTimeCodeFailure.locked
        case .noCode: throw OneTimeCodeFailure.noCode
        }
    }
}
