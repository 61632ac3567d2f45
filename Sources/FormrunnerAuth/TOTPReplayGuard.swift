import Foundation
import FormrunnerCore

/// Makes each authenticator code work once (RFC 6238 §5.2), using the one-time code store.
///
/// Using time step `s` for a user issues a marker code under `totp-used:<email>:<s>` whose resend
/// cool-down lasts until the step has left every window; a second use finds the cool-down running
/// and is refused. The store's `issue` is atomic, so two sign-ins racing with one code cannot both win.
struct TOTPReplayGuard: Sendable {
    let store: any OneTimeCodeStore
    let totp: TOTP

    /// Records the use of `step` by `email`; false if it was already used.
    func claim(step: Int64, email: String, now: Date) async throws -> Bool {
        let lifetime = TimeInterval(totp.period * (2 * totp.window + 2))
        let key = "totp-used:\(email):\(step)"
        do {
            try await store.issue(for: key, codeHash: OneTimeCodes.hash("used", key: key),
                                  expiresAt: now.addingTimeInterval(lifetime), now: now, resendAfter: lifetime)
            return true
        } catch IdentityStoreError.tooSoon {
            return false
        }
    }
}
