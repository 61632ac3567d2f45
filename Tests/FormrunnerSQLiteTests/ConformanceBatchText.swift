import Foundation
import FormrunnerCore
import Testing

/// Text a batch writes comes back exactly, whatever characters it holds, on every store.
extension TicketStoreConformance.Writing {
    /// Quotes, backslashes, line breaks, the control characters other than U+0000, emoji and scripts.
    static let awkwardText = "Say \"hi\" \\ C:\\path\\n\nline 2\r\n\ttab \u{01}\u{08}\u{0C}\u{1B}\u{1F}\u{7F} é 👩‍💻 日本語 \u{2028}\u{FEFF} '; --"

    @Test("a batch writes any text exactly and NULLs as NULLs, the others written around a stale ticket",
          arguments: StoreKind.all)
    func batchWithAwkwardText(kind: StoreKind) async throws {
        let text = Self.awkwardText
        try await kind.withStore { store, _ in
            var originals: [Ticket] = []
            for index in 0..<3 {
                originals.append(try await Samples.create(Samples.ticket(title: "T\(index)"), in: store))
            }
            try await store.touch(2, at: Samples.instant(5))
            var first = Samples.next(originals[0], status: "solved", at: 10, timers: [ArmedTimer(event: "close \(text)", dueAt: Samples.instant(99))])
            first.title = "Zebrafish \(text)"
            first.answers = ["summary": .text(text), "other \(text)": .text("")]
            first.requester = Requester(email: "ana@example.com", name: nil)
            first.account = nil
            first.team = text
            first.language = "fr"
            var third = Samples.next(originals[2], status: "solved", at: 10)
            third.requester = Requester(email: "ana@example.com", name: text)
            third.account = text
            third.assignee = text
            var message = Samples.message("m-\(text)", at: 10, subject: text)
            message.body = "Body \(text)\n"
            message.attempts = 2
            message.lastError = text
            let history = [
                HistoryEntry(at: Samples.instant(10), actor: .agent, event: "solve \(text)", from: "open", to: "solved",
                             message: text, person: text, isInternal: true),
                HistoryEntry(at: Samples.instant(10), actor: .system, event: "note", from: nil, to: "solved"),
            ]
            let changes = [
                TicketChange(ticket: first, expectedVersion: 1, history: history, outbox: [message], previous: originals[0]),
                TicketChange(ticket: Samples.next(originals[1], status: "solved", at: 10), expectedVersion: 1, history: history),
                TicketChange(ticket: third, expectedVersion: 1, history: history.reversed(),
                             outbox: [Samples.message("plain", at: 11)], previous: originals[2]),
            ]
            #expect(try await store.update(batch: changes) == [2])
            #expect(try await store.ticket(1) == first.storedForm)
            #expect(try await store.ticket(3) == third.storedForm)
            #expect(try await store.history(1).dropFirst() == history.map(\.storedForm)[...])
            #expect(try await store.history(3).dropFirst() == history.reversed().map(\.storedForm)[...])
            #expect(try await store.outbox(for: 1) == [message.storedForm(number: 1)])
            #expect(try await store.outbox(for: 3).map(\.id) == ["plain"])
            #expect(try await store.history(2).map(\.event) == ["create", "note"])
            #expect(try await store.ticket(2)?.status == "open")
            #expect(try await store.search("zebrafish", limit: 10).map(\.number) == [1])
            #expect(try await store.search("T2", limit: 10).map(\.number) == [3])
        }
    }
}
