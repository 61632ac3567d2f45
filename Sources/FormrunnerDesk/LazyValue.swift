import Foundation

/// A value built on first use and kept: the first successful `get` stores what its builder made.
/// A builder that throws leaves the value unbuilt, so a later call tries again.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only read and written while `lock` is held.
    private let lock = NSLock()
    private var value: Value?

    /// The kept value, or the one `build` makes now (and keeps).
    func get(_ build: () throws -> Value) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let built = try build()
        value = built
        return built
    }

    /// The kept value, if it was built.
    var current: Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
