import Foundation
import FormrunnerCore
import Testing

/// `TicketDesk.queue` on memory, SQLite and PostgreSQL with the repository's catalog: tickets filed
/// through the desk, ordered by their SLA due instant, narrowed by team, assignee and SLA state, and
/// the exact refusals.
@Suite("The desk's queue on every store")
struct DeskQueueOnStoresTests {
    static let catalog = CatalogLoader(root: DeskOnStoresTests.repository.path).load().catalog

    static func user(_ email: String, _ role: UserRole, teams: [String] = []) -> UserRecord {
        var user = UserRecord(email: email, name: email, createdAt: Date(timeIntervalSince1970: 0))
        user.role = role
        user.teams = teams
        return user
    }

    static let people = InMemoryUserDirectory([
        user("bia@desk.example", .agent, teams: ["financial"]),
        user("caio@desk.example", .agent, teams: ["technical"]),
        user("lone@desk.example", .agent),
        user("boss@desk.example", .admin),
        user("ana@example.com", .requester),
    ])

    static func desk(_ store: any TicketStore) -> TicketDesk {
        TicketDesk(catalog: catalog, store: store, composer: DeskOnStoresTests.PlainComposer(), people: { people })
    }

    /// Thursday 2026-12-03 10:00 in São Paulo, plus `hours`.
    static func at(_ hours: Double) -> Date { Date(timeIntervalSince1970: 1_796_302_800 + hours * 3600) }

    static func file(_ desk: TicketDesk, day: Int, at hours: Double) async throws -> Ticket {
        try await desk.create(formID: "financial.change-monthly-invoice-expiration-date",
                              answers: ["desired_day": .single("\(day)"), "what_happened": .single("Cash flow closes on the 5th.")],
                              requester: Requester(email: "ana@example.com"), at: at(hours))
    }

    @Test("an agent's queue: their team, the nearest due first; mine, unassigned, breaching; an admin sees every team",
          arguments: StoreKind.all)
    func queue(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let desk = Self.desk(store)
            let first = try await Self.file(desk, day: 10, at: 0)     // low: due 12 working hours later
            let second = try await Self.file(desk, day: 11, at: 1)
            let third = try await Self.file(desk, day: 12, at: 2)
            _ = try await desk.setPriority(third.number, to: "urgent", reason: "A chain of stores", by: "bia@desk.example", at: Self.at(2))
            // Least open gave every ticket to bia, the team's only agent: two go back to the team.
            #expect(second.assignee == "bia@desk.example")
            _ = try await desk.assign(first.number, to: nil, by: "bia@desk.example", at: Self.at(2))
            _ = try await desk.assign(third.number, to: nil, by: "bia@desk.example", at: Self.at(2))
            let now = Self.at(2.5)
            func numbers(_ request: TicketDesk.QueueRequest, for person: String?, at instant: Date = now) async throws -> [Int64] {
                try await desk.queue(request, for: person, at: instant).map(\.number)
            }
            #expect(try await numbers(.init(), for: "bia@desk.example") == [third.number, first.number, second.number])
            #expect(try await numbers(.init(mine: true), for: "bia@desk.example") == [second.number])
            #expect(try await numbers(.init(unassigned: true), for: "bia@desk.example") == [third.number, first.number])
            #expect(try await numbers(.init(), for: "caio@desk.example").isEmpty)
            #expect(try await numbers(.init(teams: ["financial"]), for: "caio@desk.example").count == 3)
            #expect(try await numbers(.init(), for: "boss@desk.example").count == 3)
            #expect(try await numbers(.init(), for: nil).count == 3)
            #expect(try await numbers(.init(limit: 1), for: nil) == [third.number])
            // The urgent one (1 working hour from 12:00) warns at 75%, 12:45; by 13:00 it is overdue.
            #expect(try await numbers(.init(breaching: true), for: nil).isEmpty)
            #expect(try await numbers(.init(breaching: true), for: nil, at: Self.at(3.1)) == [third.number])
            let entry = QueueEntry(try #require(try await store.ticket(third.number)), catalog: Self.catalog, at: Self.at(3.5))
            #expect(entry.due == "breached 30 min ago")
            #expect(entry.breaching)
            #expect(entry.priorityLabel == "Urgent")
            #expect(entry.statusLabel == "Open")
        }
    }

    @Test("the queue's refusals: an unknown team, mine without a person, mine with unassigned, unknown people, requesters, agents of no team",
          arguments: StoreKind.all)
    func refusals(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let desk = Self.desk(store)
            func refusal(_ request: TicketDesk.QueueRequest, for person: String?) async -> String? {
                do {
                    _ = try await desk.queue(request, for: person, at: Self.at(0))
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            #expect(await refusal(.init(teams: ["financal"]), for: nil) == "unknown team 'financal'; did you mean 'financial'?")
            #expect(await refusal(.init(mine: true), for: nil)
                    == "--mine needs to know who you are: name the agent with --user EMAIL (or FORMRUNNER_USER)")
            #expect(await refusal(.init(mine: true, unassigned: true), for: "bia@desk.example")
                    == "--mine and --unassigned exclude each other: choose one")
            #expect(await refusal(.init(), for: "Nobody@Desk.example")
                    == "there is no user nobody@desk.example; add the agent with: formrunner users add nobody@desk.example --name NAME --role agent --team TEAM")
            #expect(await refusal(.init(), for: "ana@example.com")
                    == "ana@example.com is a requester, not an agent: only agents and admins have a queue; make them one with: "
                    + "formrunner users update ana@example.com --role agent --team TEAM")
            #expect(await refusal(.init(), for: "lone@desk.example")
                    == "lone@desk.example is an agent of no team, so has no queue of their own; add a team with: "
                    + "formrunner users update lone@desk.example --team TEAM (or ask for one with --team)")
            #expect(await refusal(.init(teams: ["technical"]), for: "lone@desk.example") == nil)
        }
    }
}
