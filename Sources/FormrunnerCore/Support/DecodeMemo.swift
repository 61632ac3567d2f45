import Foundation

/// Values decoded lately, by the exact bytes they were decoded from: decoding the same bytes again
/// (a draft or a session read on every page) costs a hash and a comparison instead of a JSON parse.
/// Holds at most ``capacity`` values; safe from any thread.
public final class DecodeMemo<Value: Sendable>: @unchecked Sendable {
    /// How many values are kept at most.
    public let capacity: Int
    private let lock = NSLock()
    private var values: [Data: Value] = [:]

    /// A memo of at most `capacity` values.
    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The value `bytes` decode to: remembered, or decoded by `decode` (and remembered when it succeeds).
    public func value(of bytes: Data, decode: (Data) throws -> Value) rethrows -> Value {
        lock.lock()
        if let value = values[bytes] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = try decode(bytes)
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[bytes] = value
        lock.unlock()
        return value
    }

    /// How many values are kept now.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.count
    }
}
