import Foundation

/// One conversation with the assistant step of an entry flow, from the first articles it showed to
/// how it ended: what deflection is measured from (`formrunner knowledge stats`).
///
/// A session starts when the assistant first shows articles. It ends *answered* (the requester chose
/// "My question is answered": no ticket) or *handed off* (they chose to talk to a person). A session
/// that ends neither way stays ``Outcome/open`` in the store; it counts as *abandoned* once its run
/// can no longer be resumed, that is ``abandonedAfter`` after its last step (the lifetime of the
/// run's draft), and as in progress until then. Nothing has to sweep: the figure is computed from
/// the last activity when the sessions are counted.
public struct AssistantSession: Codable, Hashable, Sendable {
    /// How a session ended.
    public enum Outcome: String, Codable, CaseIterable, Sendable {
        /// Still going, or left (abandoned once ``AssistantSession/abandonedAfter`` has passed).
        case open
        /// "My question is answered": no ticket was filed.
        case answered
        /// "Talk to a person": the flow went on towards a ticket.
        case handoff
    }

    /// How long after its last step an open session can still be resumed (a run's draft lifetime).
    public static let abandonedAfter: TimeInterval = 7 * 24 * 3600

    /// A random id, kept in the run's draft.
    public var id: String
    /// The entry flow.
    public var workflowID: String
    /// The requester's e-mail address.
    public var requester: String
    /// The language of the run (`en`, `pt`, `es`) when the articles were shown.
    public var language: String
    /// When the first articles were shown.
    public var startedAt: Date
    /// The last step: articles shown, one opened, or the outcome chosen.
    public var updatedAt: Date
    /// Every article shown, by id, in the order first shown.
    public var shown: [String]
    /// The articles the requester opened, by id, the one opened last at the end.
    public var opened: [String]
    /// How it ended.
    public var outcome: Outcome
    /// For an answered session, the article that answered: the last one opened (nil when none was).
    public var answeredBy: String?

    /// A session that has just shown its first articles.
    public init(id: String = UUID().uuidString.lowercased(), workflowID: String, requester: String, language: String,
                startedAt: Date, shown: [String] = [], opened: [String] = [], outcome: Outcome = .open,
                answeredBy: String? = nil, updatedAt: Date? = nil) {
        self.id = id
        self.workflowID = workflowID
        self.requester = requester
        self.language = language
        self.startedAt = startedAt
        self.updatedAt = updatedAt ?? startedAt
        self.shown = shown
        self.opened = opened
        self.outcome = outcome
        self.answeredBy = answeredBy
    }

    /// Whether the session was left: still open more than ``abandonedAfter`` after its last step.
    public func isAbandoned(at now: Date) -> Bool {
        outcome == .open && now.timeIntervalSince(updatedAt) > Self.abandonedAfter
    }

    /// Adds articles to ``shown`` (those not there yet, in order).
    public mutating func show(_ ids: [String], at now: Date) {
        for id in ids where !shown.contains(id) { shown.append(id) }
        updatedAt = now
    }

    /// Records that the requester opened `id`.
    public mutating func open(_ id: String, at now: Date) {
        opened.removeAll { $0 == id }
        opened.append(id)
        updatedAt = now
    }

    /// Ends the session with `outcome` (answered: by the article opened last).
    public mutating func end(_ outcome: Outcome, at now: Date) {
        self.outcome = outcome
        answeredBy = outcome == .answered ? opened.last : nil
        updatedAt = now
    }
}

/// Where assistant sessions are kept: beside the tickets (SQLite, PostgreSQL, memory).
public protocol AssistantSessionStore: Sendable {
    /// Saves `session`, replacing the one with the same id.
    func saveAssistantSession(_ session: AssistantSession) async throws
    /// The sessions started in `[from, to)` (either end open when nil), oldest first.
    func assistantSessions(from: Date?, to: Date?) async throws -> [AssistantSession]
}
