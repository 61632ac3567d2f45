import Foundation

/// A small per-process cache of values read from the store for the portal's pages (sessions,
/// drafts, users), each kept under the ``StateTag`` of the request that read or wrote it.
///
/// A value is found only by a request presenting the same tag, and for at most ``lifetime``
/// seconds of the real clock; at most ``capacity`` values are kept (whoever sends requests, the
/// memory stays bounded).
final class StateCache<Value: Sendable>: @unchecked Sendable {
    /// How long a cached value may be used at most.
    let lifetime: TimeInterval
    /// How many values are kept at most.
    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    private struct Entry {
        var value: Value
        var tag: String
        var storedAt: Date
    }

    /// A cache whose values last `lifetime` seconds, at most `capacity` of them.
    init(lifetime: TimeInterval = 2, capacity: Int = 4096) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The value under `key` cached for `tag` less than ``lifetime`` ago, if any.
    func value(_ key: String, tag: String, now: Date) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.tag == tag else { return nil }
        let age = now.timeIntervalSince(entry.storedAt)
        guard age >= 0, age < lifetime else { return nil }
        return entry.value
    }

    /// Keeps `value` under `key` for requests presenting `tag`.
    func store(_ value: Value, key: String, tag: String, now: Date) {
        lock.lock()
        defer { lock.unlock() }
        if entries[key] == nil, entries.count >= capacity { makeRoom(now: now) }
        entries[key] = Entry(value: value, tag: tag, storedAt: now)
    }

    /// Forgets the value under `key`.
    func remove(_ key: String) {
        lock.lock()
        defer { lock.unlock() }
        entries[key] = nil
    }

    /// Forgets every value.
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
    }

    /// How many values are kept now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Drops the values too old to be used; if none is, half of the others.
    private func makeRoom(now: Date) {
        entries = entries.filter { now.timeIntervalSince($0.value.storedAt) < lifetime }
        guard entries.count >= capacity else { return }
        for key in entries.keys.prefix(capacity / 2) { entries[key] = nil }
    }
}
