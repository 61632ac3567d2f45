import Foundation

/// A ticket's response clock: how many working seconds its priority gives an agent to answer,
/// counted from when the answer became owed, paused while the ticket awaits the requester.
///
/// The first response is owed from creation; once an agent has replied in public, a next response is
/// owed each time the requester writes again (when the priority has a next-response target). The
/// clock keeps everything ``SLAArithmetic`` needs to explain its due instant.
public struct SLAClock: Hashable, Sendable, Codable {
    /// Which reply the clock waits for.
    public enum Kind: String, Hashable, Sendable, Codable {
        case firstResponse = "first_response"
        case nextResponse = "next_response"
    }

    /// A stretch during which the clock did not count (the ticket awaited the requester).
    public struct Pause: Hashable, Sendable, Codable {
        public var from: Date
        /// `nil` while the pause lasts.
        public var to: Date?

        public init(from: Date, to: Date? = nil) {
            self.from = from
            self.to = to
        }
    }

    public var kind: Kind
    /// The priority whose target the clock counts.
    public var priority: String
    /// When the reply became owed.
    public var startedAt: Date
    /// The target in working seconds.
    public var targetSeconds: Int64
    public var pauses: [Pause]
    /// When the owed reply is due; `nil` while paused or once answered.
    public var dueAt: Date?
    /// When the owed reply was given (the clock stopped), if it was.
    public var answeredAt: Date?
    /// Whether `sla_warning` fired for the current target.
    public var warned: Bool
    /// Whether `sla_breach` fired for the current target.
    public var breached: Bool
    /// The first response's due instant, kept once the next-response clocks take over.
    public var firstResponseDue: Date?
    /// When an agent first replied in public.
    public var firstResponseAt: Date?
    /// Whether the first response came (or is still to come) after its due instant.
    public var firstResponseBreached: Bool
    /// The working seconds the first response took (the clock's count from creation to the first
    /// public reply, pauses excepted), kept for the reports; `nil` until it is given.
    public var firstResponseSeconds: Int64?

    public init(kind: Kind, priority: String, startedAt: Date, targetSeconds: Int64) {
        self.kind = kind
        self.priority = priority
        self.startedAt = startedAt
        self.targetSeconds = targetSeconds
        pauses = []
        warned = false
        breached = false
        firstResponseBreached = false
    }

    /// Whether the clock is counting (a reply is owed and the ticket is not paused).
    public var isRunning: Bool { answeredAt == nil && !isPaused }

    /// Whether a pause is under way.
    public var isPaused: Bool { pauses.last.map { $0.to == nil } ?? false }

    /// The clock as a store reads it back: instants rounded to whole milliseconds.
    public var storedForm: SLAClock {
        var copy = self
        copy.startedAt = startedAt.roundedToMilliseconds
        copy.pauses = pauses.map { Pause(from: $0.from.roundedToMilliseconds, to: $0.to?.roundedToMilliseconds) }
        copy.dueAt = dueAt?.roundedToMilliseconds
        copy.answeredAt = answeredAt?.roundedToMilliseconds
        copy.firstResponseDue = firstResponseDue?.roundedToMilliseconds
        copy.firstResponseAt = firstResponseAt?.roundedToMilliseconds
        return copy
    }

    /// The JSON a store keeps the clock as (instants as whole milliseconds since 1970).
    /// (The bytes `JSONEncoder` writes with `.sortedKeys` and a date strategy of whole milliseconds;
    /// written by hand, see `handWrittenJSON()`.)
    public func storedJSON() throws -> String {
        handWrittenJSON()
    }

    /// The clock kept as ``storedJSON()``.
    public static func stored(_ json: String) throws -> SLAClock {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(millisecondsSince1970: try decoder.singleValueContainer().decode(Int64.self))
        }
        do {
            return try decoder.decode(SLAClock.self, from: Data(json.utf8))
        } catch {
            throw TicketStoreError.unavailable("a stored SLA clock cannot be read: \(error)")
        }
    }
}
