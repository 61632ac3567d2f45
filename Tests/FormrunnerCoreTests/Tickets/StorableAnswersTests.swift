import Foundation
import Testing
@testable import FormrunnerCore

/// `Ticket.requireStorable()` refuses answers no store can keep, naming the first such answer by key.
@Suite("Storable answers")
struct StorableAnswersTests {
    static func ticket(answers: [String: AnswerValue]) -> Ticket {
        Ticket(formID: "form", formVersion: 1, lifecycleID: "default", status: "new", title: "A ticket",
               requester: Requester(email: "ana@example.com"), answers: answers, createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test("finite numbers and other answers are storable")
    func storable() throws {
        try Self.ticket(answers: ["amount": .number(12.5), "note": .text("fine"), "zero": .number(0)]).requireStorable()
        try Self.ticket(answers: [:]).requireStorable()
    }

    @Test("of several numbers that are not finite, the first key in order is named")
    func firstKeyNamed() {
        let ticket = Self.ticket(answers: ["zeta": .number(.infinity), "note": .text("x"), "beta": .number(.nan),
                                           "alpha": .number(1)])
        #expect(throws: TicketStoreError.invalid("the answer to beta is nan, which cannot be stored")) {
            try ticket.requireStorable()
        }
    }
}
