import Foundation

/// Values computed lately, by the key they were computed from: asking again for the same key (a
/// draft's bytes or a session id, on every page) costs a hash and a comparison instead of the work.
/// Holds at most ``capacity`` values, all forgotten at once when full; safe from any thread.
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// How many values are kept at most.
    public let capacity: Int
    @usableFromInline let lock = NSLock()
    @usableFromInline var values: [Key: Value] = [:]

    /// A memo of at most `capacity` values.
    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The value of `key`: remembered, or made by `make` (and remembered when it succeeds).
    /// Inlinable, so that each caller's key and value types are specialised (the generic version
    /// looked its dictionary up through metadata and witness tables).
    @inlinable
    public func value(of key: Key, make: (Key) throws -> Value) rethrows -> Value {
        try value(of: key, isCurrent: { _ in true }, make: make)
    }

    /// The value of `key` when `isCurrent` accepts the one remembered; else made by `make` and
    /// remembered in its place (a value made from a definition that may have changed under the same key).
    @inlinable
    public func value(of key: Key, isCurrent: (Value) -> Bool, make: (Key) throws -> Value) rethrows -> Value {
        lock.lock()
        if let value = values[key], isCurrent(value) {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = try make(key)
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
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

/// Values decoded lately, by the exact bytes they were decoded from.
public typealias DecodeMemo<Value: Sendable> = BoundedMemo<Data, Value>

extension BoundedMemo where Key == Data {
    /// The value `bytes` decode to: remembered, or decoded by `decode` (and remembered when it succeeds).
    @inlinable
    public func value(of bytes: Data, decode: (Data) throws -> Value) rethrows -> Value {
        try value(of: bytes, make: decode)
    }
}
