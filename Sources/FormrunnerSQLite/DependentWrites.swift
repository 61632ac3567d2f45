import FormrunnerCore

/// What a change of ``TicketBatchWrite`` writes besides its ticket row, decided when the batch is
/// prepared (before the writer is taken) by comparing the ticket with the change's `previous`: the
/// writer then only follows the plan, without reaching into both tickets again.
struct DependentWrites: Sendable, Equatable {
    /// What becomes of a ticket's stored timers.
    enum TimerWrite: Sendable, Equatable {
        /// Deleted and inserted again from the ticket (new, or changed timers).
        case replaced
        /// Kept as stored, their claims ended (the same timers, at least one).
        case released
        /// Left alone (the same timers: none).
        case kept
    }

    /// What becomes of the ticket's timers.
    var timers: TimerWrite
    /// Whether the ticket's search words are written again (its title or answers changed, or no previous).
    var writesSearchWords: Bool
    /// Whether the ticket's attachment rows are written again (its answers changed, or no previous).
    var writesAttachments: Bool

    /// The plan of `change`, whose `previous` (when given) is its base, as ``TicketChange/storedForm`` leaves it.
    init(of change: borrowing TicketChange) {
        // Borrowed (an initializer's argument is otherwise a copy), the previous ticket's fields read
        // in place by optional chaining: binding it would copy it.
        guard change.previous != nil else {
            self.init(timers: .replaced, writesSearchWords: true, writesAttachments: true)
            return
        }
        let sameTimers = change.previous?.timers == change.ticket.timers
        let answersChanged = change.previous?.answers != change.ticket.answers
        self.init(timers: sameTimers ? (change.ticket.timers.isEmpty ? .kept : .released) : .replaced,
                  writesSearchWords: answersChanged || change.previous?.title != change.ticket.title,
                  writesAttachments: answersChanged)
    }

    /// A plan given in full.
    init(timers: TimerWrite, writesSearchWords: Bool, writesAttachments: Bool) {
        self.timers = timers
        self.writesSearchWords = writesSearchWords
        self.writesAttachments = writesAttachments
    }
}
