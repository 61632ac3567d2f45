import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Reading {
    /// Five tickets: 1, 3, 5 open; 2, 4 closed.
    private func fiveTickets(in store: any TicketStore) async throws {
        for index in 1...5 {
            try await Samples.create(Samples.ticket(title: "Ticket \(index)", status: index % 2 == 1 ? "open" : "closed"),
                                     in: store)
        }
    }

    @Test("list pages newest first, by status and before a number", arguments: StoreKind.all)
    func listPaging(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await fiveTickets(in: store)
            #expect(try await store.list(status: nil, before: nil, limit: 2).map(\.number) == [5, 4])
            #expect(try await store.list(status: nil, before: 4, limit: 2).map(\.number) == [3, 2])
            #expect(try await store.list(status: nil, before: 2, limit: 10).map(\.number) == [1])
            #expect(try await store.list(status: nil, before: 1, limit: 10) == [])
            #expect(try await store.list(status: "open", before: nil, limit: 10).map(\.number) == [5, 3, 1])
            #expect(try await store.list(status: "open", before: 5, limit: 1).map(\.number) == [3])
            #expect(try await store.list(status: "nope", before: nil, limit: 10) == [])
            #expect(try await store.list(status: nil, before: nil, limit: 0) == [])
            #expect(try await store.list(status: nil, before: nil, limit: 1).first == store.ticket(5))
        }
    }

    @Test("count, overall and by status", arguments: StoreKind.all)
    func counting(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            #expect(try await store.count(status: nil) == 0)
            try await fiveTickets(in: store)
            #expect(try await store.count(status: nil) == 5)
            #expect(try await store.count(status: "open") == 3)
            #expect(try await store.count(status: "closed") == 2)
            #expect(try await store.count(status: "nope") == 0)
        }
    }

    @Test("search by number", arguments: StoreKind.all)
    func searchByNumber(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await fiveTickets(in: store)
            #expect(try await store.search("3", limit: 10).map(\.number) == [3])
            #expect(try await store.search(" #4 ", limit: 10).map(\.number) == [4])
            #expect(try await store.search("99", limit: 10) == [])
            #expect(try await store.search("0", limit: 10) == [])
        }
    }

    @Test("search by words: every word, any case, accents ignored, prefixes", arguments: StoreKind.all)
    func searchByWords(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await Samples.create(Samples.ticket(title: "Printer jam on floor 2",
                                                    answers: ["where": .text("Rio office")]), in: store)
            try await Samples.create(Samples.ticket(title: "Network down",
                                                    answers: ["details": .text("The PRINTER in São Paulo is offline too"),
                                                              "area": .choice("hardware")]), in: store)
            try await Samples.create(Samples.ticket(title: "Invoice 2024/17 rejected",
                                                    answers: ["note": .text("café-au-lait")]), in: store)
            #expect(try await store.search("printer", limit: 10).map(\.number) == [2, 1])
            #expect(try await store.search("PRINT sao", limit: 10).map(\.number) == [2])
            #expect(try await store.search("printer paulo", limit: 10).map(\.number) == [2])
            #expect(try await store.search("Paulo printer", limit: 10).map(\.number) == [2])
            #expect(try await store.search("printer rio", limit: 10).map(\.number) == [1])
            #expect(try await store.search("printer xyz", limit: 10) == [])
            #expect(try await store.search("hardware", limit: 10) == [])
            #expect(try await store.search("CAFE lait", limit: 10).map(\.number) == [3])
            #expect(try await store.search("2024/17", limit: 10).map(\.number) == [3])
            #expect(try await store.search("printer", limit: 1).map(\.number) == [2])
            #expect(try await store.search("printer", limit: 0) == [])
            #expect(try await store.search("offline", limit: 10) == [store.ticket(2)])
        }
    }

    @Test("search follows updates", arguments: StoreKind.all)
    func searchAfterUpdate(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(title: "Printer jam"), in: store)
            var next = Samples.next(ticket, status: "working", at: 1)
            next.title = "Scanner jam"
            try await store.update(next, expectedVersion: 1, history: [], outbox: [])
            #expect(try await store.search("printer", limit: 10) == [])
            #expect(try await store.search("scanner", limit: 10).map(\.number) == [1])
        }
    }

    @Test("search text is never read as a query language", arguments: StoreKind.all)
    func searchMetacharacters(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await fiveTickets(in: store)
            let nasty = [
                "'; DROP TABLE ticket; --", "NEAR(", "NEAR(ticket, 1)", "\"", "\"unbalanced", "*", "ticket*)",
                "AND", "OR NOT", "title:ticket", "^ticket", "-ticket", "(", ")", "{words}:x", "%", "_", "\\",
                "", "   ", "\u{0}", "a\"b", "ticket OR 1=1", "x' OR '1'='1", "rowid:1",
            ]
            for text in nasty {
                let found = try await store.search(text, limit: 10)
                let words = TicketSearch.words(in: text)
                if words.isEmpty || TicketSearch.number(in: text) != nil {
                    #expect(found == [], "\(text)")
                }
            }
            #expect(try await store.search("'; DROP TABLE ticket; --", limit: 10) == [])
            #expect(try await store.search("ticket*)", limit: 10).map(\.number) == [5, 4, 3, 2, 1])
            #expect(try await store.count(status: nil) == 5)
        }
    }
}
