import Foundation

/// A bounded memo of a costly key derivation (a session id's digest): at most `capacity` entries,
/// all forgotten at once when full, safe from any thread.
final class KeyMemo: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var keys: [String: String] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The key of `id`, derived by `derive` the first time.
    func key(_ id: String, derive: (String) -> String) -> String {
        lock.lock()
        if let key = keys[id] {
            lock.unlock()
            return key
        }
        lock.unlock()
        let key = derive(id)
        lock.lock()
        if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
        keys[id] = key
        lock.unlock()
        return key
    }
}
