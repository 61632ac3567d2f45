import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import Testing

/// What a batch write plans for each change besides its row (``DependentWrites``).
@Suite("SQLite batch write: the plan of each change's dependents")
struct SQLiteDependentWritesTests {
    /// A stored ticket (number 7, version 3) with one timer.
    private static let stored: Ticket = {
        var ticket = Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(5))])
        ticket.number = 7
        ticket.version = 3
        return ticket
    }()

    @Test("no previous: timers, search words and attachments are all written")
    func withoutPrevious() {
        let change = TicketChange(ticket: Samples.next(Self.stored, status: "closed", at: 10), expectedVersion: 3)
        #expect(DependentWrites(of: change) == DependentWrites(timers: .replaced, writesSearchWords: true, writesAttachments: true))
    }

    @Test("a close that drops the timer replaces the timers and leaves words and attachments")
    func closeDroppingTimers() {
        let change = TicketChange(ticket: Samples.next(Self.stored, status: "closed", at: 10, timers: []), expectedVersion: 3,
                                  previous: Self.stored)
        #expect(DependentWrites(of: change) == DependentWrites(timers: .replaced, writesSearchWords: false, writesAttachments: false))
    }

    @Test("the same timers are released when there are some and left alone when there are none")
    func sameTimers() {
        let kept = TicketChange(ticket: Samples.next(Self.stored, status: "solved", at: 10), expectedVersion: 3,
                                previous: Self.stored)
        #expect(DependentWrites(of: kept).timers == .released)
        var bare = Self.stored
        bare.timers = []
        let none = TicketChange(ticket: Samples.next(bare, status: "solved", at: 10), expectedVersion: 3, previous: bare)
        #expect(DependentWrites(of: none).timers == .kept)
    }

    @Test("a new title writes the search words only; new answers write the words and the attachments")
    func titleAndAnswers() {
        var titled = Samples.next(Self.stored, status: "open", at: 10)
        titled.title = "Toner smears"
        #expect(DependentWrites(of: TicketChange(ticket: titled, expectedVersion: 3, previous: Self.stored))
                == DependentWrites(timers: .released, writesSearchWords: true, writesAttachments: false))
        var answered = Samples.next(Self.stored, status: "open", at: 10)
        answered.answers["summary"] = .text("It blinks green")
        #expect(DependentWrites(of: TicketChange(ticket: answered, expectedVersion: 3, previous: Self.stored))
                == DependentWrites(timers: .released, writesSearchWords: true, writesAttachments: true))
    }

}
