import Foundation

/// Counts attempts per key (an e-mail address, a client address) in a sliding window and says how
/// long to wait once a key has had its share: the sign-in pages answer 429 with `Retry-After` then.
///
/// Counts live in this process; with several `serve` processes each keeps its own, and the code and
/// password checks behind them keep their own limits in the store.
actor AttemptLimiter {
    /// How many attempts a key may make in `window` seconds.
    struct Rule: Sendable {
        var limit: Int
        var window: TimeInterval
    }

    private var attempts: [String: [Date]] = [:]
    private var checks = 0

    /// Records an attempt under every key; returns nil when allowed, else the seconds to wait
    /// (the attempt is then not recorded).
    func attempt(_ keys: [(String, Rule)], now: Date) -> Int? {
        prune(now: now)
        var wait = 0
        for (key, rule) in keys {
            let recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < rule.window }
            attempts[key] = recent
            if recent.count >= rule.limit, let oldest = recent.first {
                wait = max(wait, Int((rule.window - now.timeIntervalSince(oldest)).rounded(.up)))
            }
        }
        if wait > 0 { return max(wait, 1) }
        for (key, _) in keys { attempts[key, default: []].append(now) }
        return nil
    }

    /// Drops keys with no recent attempt, now and then, so memory stays bounded by recent traffic.
    private func prune(now: Date) {
        checks += 1
        guard checks % 1000 == 0 else { return }
        attempts = attempts.filter { _, dates in dates.contains { now.timeIntervalSince($0) < 3600 } }
    }
}
