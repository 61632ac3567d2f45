import Foundation

/// What checking a one-time code found.
public enum OneTimeCodeCheck: Hashable, Sendable {
    /// The code is right; it is now used and will never be accepted again.
    case accepted
    /// The code is not right; `remaining` more tries are allowed (at least 1).
    case wrong(remaining: Int)
    /// The code's time ran out; a new one must be asked for.
    case expired
    /// Too many wrong tries; a new code must be asked for.
    case locked
    /// No code is waiting for this key (none was issued, or it was already used).
    case noCode
}

/// Where one-time codes wait to be checked: the one-time code storage protocol.
///
/// Stores hold only hashes of codes (the caller hashes, salted with the key; see
/// `OneTimeCodes.hash(_:key:)` in FormrunnerAuth), never the codes themselves.
///
/// ## Contract (every implementation passes the same conformance suite)
/// - **One code per key.** `issue` replaces whatever code the key had (attempts start again at 0) and
///   records `now` as when it was sent.
/// - **Resend cool-down.** If the key's code was sent less than `resendAfter` seconds before `now`
///   and has not been used, `issue` throws ``IdentityStoreError/tooSoon(retryAt:)`` (sent time plus
///   `resendAfter`) and changes nothing.
/// - **verify** is atomic and decides in this order: no code, or a used one → ``OneTimeCodeCheck/noCode``;
///   `now` at or after the expiry → ``OneTimeCodeCheck/expired``; `maxAttempts` wrong tries already
///   → ``OneTimeCodeCheck/locked``; the right hash → ``OneTimeCodeCheck/accepted`` and the code is
///   marked used (so it never works twice); otherwise the wrong try is counted and the result is
///   ``OneTimeCodeCheck/wrong(remaining:)`` with the tries left, or ``OneTimeCodeCheck/locked`` when
///   that was the last one. Neither expired nor locked checks count as tries.
/// - Hashes are compared in constant time.
/// - **Clean-up.** `deleteExpiredCodes(now:)` removes codes whose expiry is at or before `now` (their
///   cool-down ends with them) and returns how many it removed.
/// - **Canonical form**: instants are kept to the millisecond (rounded to the nearest), so
///   `retryAt` is the sent time rounded plus `resendAfter`, rounded.
/// - **Failed sign-ins** are counted beside the codes (``SignInAttemptStore``), apart from any one
///   code's tries: issuing a new code never resets them.
public protocol OneTimeCodeStore: SignInAttemptStore {
    /// Stores a new code hash for `key`, unless the previous one was sent too recently.
    func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws

    /// Checks a code hash against the code waiting for `key`, counting wrong tries.
    func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck

    /// Removes codes that expired at or before `now`; returns how many.
    @discardableResult
    func deleteExpiredCodes(now: Date) async throws -> Int
}
