import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// A desk whose users are kept in the tickets' SQLite file or PostgreSQL database: a create that
/// assigns takes the agents from the staff as last read, and the store checks the directory's change
/// count in the creating transaction, so a user changed by another process is still seen by the next create.
@Suite("Assignment with the directory's count checked in the create", .serialized)
struct DirectoryCountTests {
    static let monday = AssignmentTests.monday

    @Test("a desk with its users in the store's own database lets the store check the count",
          arguments: AgentDesk.Kind.stores)
    func checkedByStore(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            #expect(desk.tickets.directoryCheckedByStore)
        }
    }

    @Test("a desk whose users are in memory reads the directory's count itself")
    func memoryNotChecked() async throws {
        try await AgentDesk.with(.memory) { desk in
            #expect(!desk.tickets.directoryCheckedByStore)
        }
    }

    @Test("agents changed by another process after the staff was read are seen by the next create",
          arguments: AgentDesk.Kind.stores)
    func changedElsewhere(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("caio@desk.example", teams: ["technical"])
            #expect(try await desk.technical(index: 0, at: Self.monday).assignee == "bia@desk.example")
            // Another process on the same store: caio goes away, davi joins.
            let other = try await Desk.open(DeskSettings(catalog: AgentDesk.catalogRoot, store: desk.desk.location.description,
                                                         notifier: "none", environment: [:]))
            let directory = try other.identity().directory
            var caio = try #require(try await directory.user(email: "caio@desk.example"))
            caio.awayUntil = AgentDesk.instant("2026-12-31T12:00:00Z")
            try await directory.update(caio)
            var davi = UserRecord(email: "davi@desk.example", name: "Davi", createdAt: Self.monday)
            davi.role = .agent
            davi.teams = ["technical"]
            try await directory.add(davi)
            await other.close()
            #expect(try await desk.technical(index: 1, at: Self.monday).assignee == "davi@desk.example")
            #expect(try await desk.technical(index: 2, at: Self.monday).assignee == "bia@desk.example")
            #expect(try await desk.technical(index: 3, at: Self.monday).assignee == "davi@desk.example")
        }
    }
}
