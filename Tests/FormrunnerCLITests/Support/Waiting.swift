import Foundation

/// Waits for something a running program will show, for the end-to-end drivers.
///
/// A wait, not a timed assertion: the timeout is generous (slow CI machines have two cores) and
/// only bounds how long a broken run can hang the suite. When it expires, the error shows what
/// was awaited and the last screen, so the failure reads like what a person would have seen.
enum Waiting {
    /// How long a wait lasts by default, in seconds.
    static let defaultTimeout: Double = 20

    /// A wait that ended without what it waited for.
    struct Timeout: Error, CustomStringConvertible {
        var awaited: String
        var seconds: Double
        var last: String

        var description: String {
            "waited \(Int(seconds)) s for \(awaited); the last screen was:\n" + last
        }
    }

    /// Calls `probe` every 50 ms until it returns a value, or throws ``Timeout`` with `snapshot()`
    /// after `timeout` seconds.
    static func until<T>(_ awaited: String, timeout: Double = defaultTimeout, snapshot: () -> String,
                         probe: () throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = try probe() { return value }
            if Date() > deadline { throw Timeout(awaited: awaited, seconds: timeout, last: snapshot()) }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }
}
