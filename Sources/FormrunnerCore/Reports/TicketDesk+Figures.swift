import Foundation

extension TicketDesk {
    /// `outcome` with the ticket's ``TicketFigures`` brought up to date with its history lines: each
    /// entry into a solved status sets `solvedAt`, into a final status `closedAt`, and each move from
    /// a solved status back to open work counts a reopening.
    func figured(_ outcome: Outcome, lifecycle: LifecycleDefinition) -> Outcome {
        let statuses = lifecycleFacts.facts(of: lifecycle, in: catalog).reportStatuses
        var figures = outcome.ticket.figures ?? TicketFigures()
        for entry in outcome.history where entry.from != entry.to {
            if statuses.solved.contains(entry.to) {
                figures.solvedAt = entry.at
            } else if statuses.closed.contains(entry.to) {
                figures.closedAt = entry.at
            } else if let from = entry.from, statuses.solved.contains(from) {
                figures.reopens += 1
            }
        }
        var outcome = outcome
        outcome.ticket.figures = figures
        return outcome
    }
}
