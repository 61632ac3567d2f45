import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Writing {
    @Test("an internal history line and a merged ticket's target read back as written", arguments: StoreKind.all)
    func internalLinesAndMerges(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let created = try await Samples.create(Samples.ticket(title: "Duplicate"), in: store)
            #expect(created.mergedInto == nil)
            var merged = Samples.next(created, status: "closed", at: 1)
            merged.mergedInto = 7
            let note = HistoryEntry(at: merged.updatedAt, actor: .agent, event: "note", from: "open", to: "open",
                                    message: "Only for agents", person: "bia@desk.example", isInternal: true)
            let line = HistoryEntry(at: merged.updatedAt, actor: .agent, event: "merge", from: "open", to: "closed",
                                    message: "merged into #7", person: "bia@desk.example")
            try await store.update(merged, expectedVersion: 1, history: [note, line], outbox: [])
            #expect(try await store.ticket(1) == merged.storedForm)
            #expect(try await store.ticket(1)?.mergedInto == 7)
            let history = try await store.history(1)
            #expect(history.suffix(2) == [note.storedForm, line.storedForm])
            #expect(history.map(\.isInternal).suffix(2) == [true, false])
            #expect(try await store.list(status: "closed", before: nil, limit: 5).first?.mergedInto == 7)
        }
    }
}
