import Foundation

/// When to try a failed delivery again: exponential backoff, capped, with a limit on attempts.
public struct RetryPolicy: Hashable, Sendable {
    /// The wait after the first failure.
    public var baseDelay: TimeInterval
    /// The longest wait between attempts.
    public var maxDelay: TimeInterval
    /// Attempts after which a message is given up on (dead-lettered).
    public var maxAttempts: Int

    /// 30 s, doubling after each failure, at most 1 h between attempts, 12 attempts in all.
    public static let standard = RetryPolicy()

    /// A policy waiting `baseDelay × 2^(failures − 1)`, at most `maxDelay`, for up to `maxAttempts` attempts.
    public init(baseDelay: TimeInterval = 30, maxDelay: TimeInterval = 3600, maxAttempts: Int = 12) {
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.maxAttempts = max(1, maxAttempts)
    }

    /// The wait after the `failures`-th consecutive failure (1 for the first).
    public func delay(afterFailures failures: Int) -> TimeInterval {
        let exponent = min(max(failures - 1, 0), 62)
        return min(baseDelay * pow(2, Double(exponent)), maxDelay)
    }

    /// When to try again after the `failures`-th failure at `now`, or `nil` when the message is dead.
    public func nextAttempt(afterFailures failures: Int, at now: Date) -> Date? {
        failures >= maxAttempts ? nil : now.addingTimeInterval(delay(afterFailures: failures))
    }
}
