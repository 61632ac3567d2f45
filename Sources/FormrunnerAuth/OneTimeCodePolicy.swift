import Foundation
import FormrunnerCore

/// How one-time codes behave: length, lifetime, tries and resend cool-down.
public struct OneTimeCodePolicy: Hashable, Sendable {
    /// Digits in a code.
    public var digits: Int
    /// Seconds a code stays valid.
    public var lifetime: TimeInterval
    /// Wrong tries allowed before the code is locked.
    public var maxAttempts: Int
    /// Seconds before another code may be sent for the same key.
    public var resendAfter: TimeInterval

    /// The defaults: 6 digits, valid 10 minutes, 5 tries, 60 seconds between sends.
    public init(digits: Int = 6, lifetime: TimeInterval = 600, maxAttempts: Int = 5, resendAfter: TimeInterval = 60) {
        self.digits = digits
        self.lifetime = lifetime
        self.maxAttempts = maxAttempts
        self.resendAfter = resendAfter
    }

    /// The policy a workflow's `one_time_code` step sets.
    public init(_ step: StepDefinition.OneTimeCode) {
        self.init(digits: step.digits, lifetime: TimeInterval(step.expires), maxAttempts: step.attempts,
                  resendAfter: TimeInterval(step.resendAfter))
    }
}
