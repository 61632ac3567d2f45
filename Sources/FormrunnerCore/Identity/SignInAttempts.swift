import Foundation

/// The failed sign-ins counted against one key (an account's e-mail, a client's address) and how
/// long the key must wait before it may try again.
public struct SignInAttempts: Hashable, Sendable {
    /// Failed sign-ins since the count last started (a success, an unlock, or a quiet spell).
    public var failures: Int
    /// When the last failure was counted, or nil when none was.
    public var lastFailureAt: Date?
    /// Until when no sign-in is checked for the key (a back-off or a lock-out), or nil.
    public var lockedUntil: Date?

    /// A count.
    public init(failures: Int = 0, lastFailureAt: Date? = nil, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }

    /// No failure counted.
    public static let none = SignInAttempts()

    /// Whether the key must still wait at `now`.
    public func isLocked(at now: Date) -> Bool {
        lockedUntil.map { now < $0 } ?? false
    }

    /// The count after one more failure at `now` under `limits`: earlier failures are forgotten after
    /// a quiet spell of ``SignInAttemptLimits/forgetAfter``; the wait is ``SignInAttemptLimits/wait(afterFailures:)``.
    /// Instants are kept to the millisecond, as every store keeps them.
    public func counting(failureAt now: Date, limits: SignInAttemptLimits) -> SignInAttempts {
        let now = now.roundedToMilliseconds
        let recent = lastFailureAt.map { now.timeIntervalSince($0) < limits.forgetAfter } ?? false
        let failures = (recent ? self.failures : 0) + 1
        let lockedUntil = limits.wait(afterFailures: failures).map { now.addingTimeInterval($0).roundedToMilliseconds }
        return SignInAttempts(failures: failures, lastFailureAt: now, lockedUntil: lockedUntil)
    }
}

/// How failed sign-ins turn into waits: a few free tries, then a back-off that doubles with each
/// failure, then a lock-out that lasts until an administrator lifts it (`formrunner users unlock`)
/// or ``lockOutDuration`` has passed.
public struct SignInAttemptLimits: Hashable, Sendable {
    /// Failures allowed before any wait.
    public var freeFailures: Int
    /// The wait after the first failure past the free ones; each further failure doubles it.
    public var firstWait: TimeInterval
    /// The longest back-off wait.
    public var longestWait: TimeInterval
    /// Failures after which the key is locked out.
    public var lockOutAfter: Int
    /// How long a lock-out lasts when no administrator lifts it.
    public var lockOutDuration: TimeInterval
    /// Failures older than this, counted from the last one, are forgotten.
    public var forgetAfter: TimeInterval

    /// Limits; the defaults are those of an account.
    public init(freeFailures: Int = 5, firstWait: TimeInterval = 30, longestWait: TimeInterval = 15 * 60,
                lockOutAfter: Int = 20, lockOutDuration: TimeInterval = 24 * 3600, forgetAfter: TimeInterval = 24 * 3600) {
        self.freeFailures = freeFailures
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.lockOutAfter = lockOutAfter
        self.lockOutDuration = lockOutDuration
        self.forgetAfter = forgetAfter
    }

    /// An account's (an e-mail address, known or not): 5 free failures, then 30 s doubling up to
    /// 15 minutes, locked out after 20 failures for a day.
    public static let account = SignInAttemptLimits()

    /// A client's (one address, many people behind it): 20 free failures, then 30 s doubling up to
    /// 15 minutes, locked out after 100 for a day.
    public static let source = SignInAttemptLimits(freeFailures: 20, lockOutAfter: 100)

    /// Seconds to wait after `failures` failures, or nil when the next try may come at once.
    public func wait(afterFailures failures: Int) -> TimeInterval? {
        if failures >= lockOutAfter { return lockOutDuration }
        guard failures >= freeFailures else { return nil }
        let doublings = min(failures - freeFailures, 30)
        return min(longestWait, firstWait * pow(2, Double(doublings)))
    }

    /// Whether `attempts` is a lock-out (rather than a back-off).
    public func isLockOut(_ attempts: SignInAttempts) -> Bool {
        attempts.failures >= lockOutAfter
    }
}

/// Where failed sign-ins are counted, so that every process (the command line, several `serve`
/// processes) sees the same back-offs and lock-outs: the sign-in attempt storage protocol. Every
/// one-time code store is one.
///
/// ## Contract (every implementation passes the same conformance suite)
/// - **signInAttempts** returns what is stored for the key (``SignInAttempts/none`` when nothing is).
/// - **recordSignInFailure** is atomic: it stores and returns ``SignInAttempts/counting(failureAt:limits:)``
///   of what was stored, so failures racing in from several processes are all counted.
/// - **clearSignInAttempts** forgets the key (a success, an administrator's unlock) and says whether
///   anything was stored.
/// - Instants are kept to the millisecond.
public protocol SignInAttemptStore: Sendable {
    /// The failures counted against `key`.
    func signInAttempts(for key: String) async throws -> SignInAttempts

    /// Counts one more failure against `key` at `now`; returns the new count and wait.
    func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts

    /// Forgets the failures of `key`; returns whether any were stored.
    @discardableResult
    func clearSignInAttempts(for key: String) async throws -> Bool
}
