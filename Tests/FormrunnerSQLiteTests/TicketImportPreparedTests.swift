import Foundation
import FormrunnerCore
import FormrunnerTestSupport
import Testing

/// The checker makes the stored answers and search words of each line (on every core), so that the
/// store's write transaction does not: they must be what the store would make itself.
@Suite("Import lines prepared for the write")
struct TicketImportPreparedTests {
    @Test("stored answers and search words are the store's own, with an external_id and without", arguments: [
        TicketImportTests.line("zd-1"),
        TicketImportTests.line("zd-2").replacingOccurrences(of: "\"external_id\": \"zd-2\", ", with: ""),
    ])
    func prepared(_ line: String) async throws {
        try await StoreKind.sqlite.withStore { store, _ in
            let checker = try await TicketImportChecker(desk: TicketImportTests.desk(store), now: TicketImportTests.now)
            let imported = try checker.check(Data(line.utf8)).get()
            #expect(imported.storedAnswers == (try StoredAnswers.encode(imported.ticket.answers)))
            #expect(imported.searchWords == TicketSearch.indexedWords(of: imported.ticket))
            #expect(imported.searchWords?.isEmpty == false)
        }
    }
}
