import FormrunnerCore
import Testing

@Suite("Ticket store locations")
struct StoreLocationTests {
    @Test("spellings", arguments: [
        ("sqlite:data/t.sqlite", TicketStoreURL.sqlite(path: "data/t.sqlite")),
        ("sqlite:///var/lib/t.sqlite", .sqlite(path: "/var/lib/t.sqlite")),
        ("SQLite:t.db", .sqlite(path: "t.db")),
        ("./tickets.sqlite", .sqlite(path: "./tickets.sqlite")),
        ("/abs/tickets.sqlite", .sqlite(path: "/abs/tickets.sqlite")),
        ("memory:", .memory),
        ("postgres://user@db/formrunner", .postgres(url: "postgres://user@db/formrunner")),
        ("postgresql://db/x", .postgres(url: "postgresql://db/x")),
    ])
    func spellings(text: String, location: TicketStoreURL) throws {
        #expect(try TicketStoreURL(parsing: text) == location)
    }

    @Test("refusals", arguments: ["", "  ", "sqlite:", "mysql://db/x"])
    func refusals(text: String) {
        #expect(throws: TicketStoreURL.ParseError.self) { try TicketStoreURL(parsing: text) }
    }

    @Test("the default and the way back")
    func defaults() throws {
        #expect(TicketStoreURL.default == .sqlite(path: ".formrunner/tickets.sqlite"))
        #expect(TicketStoreURL.default.description == "sqlite:.formrunner/tickets.sqlite")
        for location in [TicketStoreURL.default, .memory, .postgres(url: "postgres://h/d")] {
            #expect(try TicketStoreURL(parsing: location.description) == location)
        }
    }
}
