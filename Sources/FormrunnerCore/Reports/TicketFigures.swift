import Foundation

/// What the desk's reports count of a ticket's life, kept on the ticket as it happens so that a
/// report is a few aggregate queries rather than a replay of every history.
public struct TicketFigures: Hashable, Sendable, Codable {
    /// When the ticket last entered a solved status (a `resolved_in` status of the priorities, or the
    /// survey's status, that is not final); kept after it is reopened or closed.
    public var solvedAt: Date?
    /// When the ticket entered a final status.
    public var closedAt: Date?
    /// How many times the ticket left a solved status for open work again.
    public var reopens: Int

    public init(solvedAt: Date? = nil, closedAt: Date? = nil, reopens: Int = 0) {
        self.solvedAt = solvedAt
        self.closedAt = closedAt
        self.reopens = reopens
    }

    /// The figures as a store reads them back: instants rounded to whole milliseconds.
    public var storedForm: TicketFigures {
        TicketFigures(solvedAt: solvedAt?.roundedToMilliseconds, closedAt: closedAt?.roundedToMilliseconds, reopens: reopens)
    }
}
