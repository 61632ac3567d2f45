import Foundation
import FormrunnerCore
import Testing

/// Roles, teams and absences in every user directory.
@Suite("Identity: agents' roles, teams and absences")
struct AgentRecordConformanceTests {
    @Test("an agent's role, teams (in order) and absence round-trip, and update changes them", arguments: IdentityStoreKind.all)
    func roundTrip(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            var bia = Sample.user("bia@desk.example", name: "Bia Lima")
            bia.role = .agent
            bia.teams = ["technical", "commercial"]
            bia.awayUntil = Sample.now.addingTimeInterval(86_400.0004)
            try await stores.users.add(bia)
            let found = try #require(try await stores.users.user(email: "Bia@Desk.example"))
            #expect(found == bia.storedForm)
            #expect(found.role == .agent && found.teams == ["technical", "commercial"])
            #expect(found.awayUntil == Sample.now.addingTimeInterval(86_400))
            var changed = found
            changed.role = .admin
            changed.teams = []
            changed.awayUntil = nil
            try await stores.users.update(changed)
            #expect(try await stores.users.user(email: "bia@desk.example") == changed.storedForm)
            #expect(try await stores.users.user(email: "ana@example.com") == nil)
            let plain = UserRecord(email: "ana@example.com", name: "Ana", createdAt: Sample.now)
            try await stores.users.add(plain)
            #expect(try await stores.users.user(email: "ana@example.com")?.role == .requester)
        }
    }

    @Test("staff lists the agents and admins only, ordered by e-mail", arguments: IdentityStoreKind.all)
    func staff(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            for (email, role) in [("zoe@desk.example", UserRole.admin), ("ana@example.com", .requester), ("bia@desk.example", .agent)] {
                var user = Sample.user(email, name: "Someone")
                user.role = role
                try await stores.users.add(user)
            }
            #expect(try await stores.users.staff().map(\.email) == ["bia@desk.example", "zoe@desk.example"])
        }
    }

    @Test("a requester in a team is refused", arguments: IdentityStoreKind.all)
    func requesterInTeam(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            var ana = Sample.user()
            ana.teams = ["technical"]
            await #expect(throws: IdentityStoreError.invalid(
                "the requester ana@example.com cannot be in a team; give them --role agent (or admin) to work a team's tickets")) {
                try await stores.users.add(ana)
            }
        }
    }
}
