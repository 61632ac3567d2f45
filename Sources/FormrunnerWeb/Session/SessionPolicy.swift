import Foundation

/// How long sessions and sign-in proofs last.
struct SessionPolicy: Sendable {
    /// A session unused for this long ends.
    var idleLifetime: TimeInterval = 2 * 3600
    /// A session ends this long after it started, used or not.
    var absoluteLifetime: TimeInterval = 12 * 3600
    /// A checked password waits this long for its second factor.
    var secondFactorWindow: TimeInterval = 5 * 60
    /// The session's last use is written at most this often (one write per request would be wasteful).
    var touchInterval: TimeInterval = 60
}
