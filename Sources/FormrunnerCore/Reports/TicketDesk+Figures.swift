import Foundation

extension TicketDesk {
    /// `outcome` with the ticket's ``TicketFigures`` brought up to date with its history lines: each
    /// entry into a solved status sets `solvedAt`, into a final status `closedAt`, and each move from
    /// a solved status back to open work counts a reopening.
    func figured(_ outcome: Outcome, lifecycle: LifecycleDefinition) -> Outcome {
        // The statuses met are looked up as ``ReportStatuses`` sorts them, without building its sets
        // for every ticket (a tick figures thousands).
        func isClosed(_ id: String) -> Bool { lifecycle.statuses.contains { $0.id == id && $0.isFinal } }
        func isSolved(_ id: String) -> Bool {
            guard lifecycle.survey?.status.id == id || catalog.priorities?.resolvedIn.contains(where: { $0.id == id }) == true
            else { return false }
            return !isClosed(id)
        }
        var figures = outcome.ticket.figures ?? TicketFigures()
        for entry in outcome.history where entry.from != entry.to {
            if isSolved(entry.to) {
                figures.solvedAt = entry.at
            } else if isClosed(entry.to) {
                figures.closedAt = entry.at
            } else if let from = entry.from, isSolved(from) {
                figures.reopens += 1
            }
        }
        var outcome = outcome
        outcome.ticket.figures = figures
        return outcome
    }
}
