import Foundation

/// What the portal's per-process caches know about the request being served (a task-local).
///
/// Every write a request makes to a session, a draft or a user through the portal gives the
/// browser a new random *state tag* (the `formrunner_state` cookie). A cached value is used only
/// by a later request that presents the tag it was cached under, and only for a short while, so a
/// page never shows state older than the browser's own last change, whichever `serve` process made
/// it; a change made elsewhere (a terminal `run --resume`, `users remove`) shows within
/// ``StateCache/lifetime``.
final class StateTag: @unchecked Sendable {
    /// The scope of the request being served, if the portal is serving one.
    @TaskLocal static var current: StateTag?

    /// The tag the browser presented, when the request may read from the caches (a `GET` or
    /// `HEAD`); nil for requests that change state, which always read the store.
    let presented: String?
    private let lock = NSLock()
    private var written: String?

    /// The scope of a request that presented `presented` (nil: read the store).
    init(presented: String?) {
        self.presented = presented
    }

    /// The tag this request gives the browser: made on the first write, the same for every later one.
    func tagForWrite() -> String {
        lock.lock()
        defer { lock.unlock() }
        if let written { return written }
        let tag = Token.random(bytes: 16)
        written = tag
        return tag
    }

    /// The new tag, when the request wrote something.
    var newTag: String? {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    /// The name of the cookie that carries the tag.
    static let cookieName = "formrunner_state"
}
