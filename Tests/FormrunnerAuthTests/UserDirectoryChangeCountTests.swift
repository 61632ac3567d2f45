import Foundation
import FormrunnerCore
import Testing

/// The directory's change count (what the desk's staff cache checks before each assignment), and the
/// cache itself on every directory.
@Suite("Identity: the user directory's change count and the staff cache")
struct UserDirectoryChangeCountTests {
    @Test("the change count moves with every add, update and removal, and not with reads", arguments: IdentityStoreKind.all)
    func changeCount(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let users = stores.users
            let start = try #require(try await users.changeCount())
            try await users.add(Sample.user())
            let added = try #require(try await users.changeCount())
            #expect(added != start)
            _ = try await users.list()
            _ = try await users.staff()
            _ = try await users.user(email: "ana@example.com")
            #expect(try await users.changeCount() == added)
            var agent = Sample.user()
            agent.role = .agent
            agent.teams = ["technical"]
            try await users.update(agent)
            let updated = try #require(try await users.changeCount())
            #expect(updated != added)
            try await users.remove(email: "ana@example.com")
            let removed = try #require(try await users.changeCount())
            #expect(removed != updated)
            #expect(try await users.remove(email: "nobody@example.com") == false)
            #expect(try await users.changeCount() == removed)
        }
    }

    @Test("the staff cache answers from memory until the directory changes, then reads it again", arguments: IdentityStoreKind.all)
    func staffCache(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let users = stores.users, cache = StaffCache()
            var bia = UserRecord(email: "bia@desk.example", name: "Bia", createdAt: Sample.now)
            bia.role = .agent
            bia.teams = ["technical"]
            try await users.add(bia)
            #expect(try await cache.staff(of: users).map(\.email) == ["bia@desk.example"])
            var caio = UserRecord(email: "caio@desk.example", name: "Caio", createdAt: Sample.now)
            caio.role = .agent
            caio.teams = ["technical"]
            try await users.add(caio)
            #expect(try await cache.staff(of: users).map(\.email) == ["bia@desk.example", "caio@desk.example"])
            bia.awayUntil = Sample.now.addingTimeInterval(86_400)
            try await users.update(bia)
            #expect(try await cache.staff(of: users).first?.awayUntil == bia.awayUntil)
            try await users.remove(email: "caio@desk.example")
            #expect(try await cache.staff(of: users).map(\.email) == ["bia@desk.example"])
        }
    }

    /// A directory that counts how often its staff is read.
    actor CountingDirectory: UserDirectory {
        let inner = InMemoryUserDirectory()
        var staffReads = 0
        func add(_ user: UserRecord) async throws { try await inner.add(user) }
        func user(email: String) async throws -> UserRecord? { try await inner.user(email: email) }
        func list() async throws -> [UserRecord] { try await inner.list() }
        func remove(email: String) async throws -> Bool { try await inner.remove(email: email) }
        func update(_ user: UserRecord) async throws { try await inner.update(user) }
        func staff() async throws -> [UserRecord] {
            staffReads += 1
            return try await inner.staff()
        }
        func changeCount() async throws -> Int64? { try await inner.changeCount() }
    }

    @Test("the staff is read once while the directory does not change, and once more after a change")
    func staffReadOnce() async throws {
        let directory = CountingDirectory(), cache = StaffCache()
        var bia = UserRecord(email: "bia@desk.example", name: "Bia", createdAt: Sample.now)
        bia.role = .agent
        try await directory.add(bia)
        for _ in 0..<3 { _ = try await cache.staff(of: directory) }
        #expect(await directory.staffReads == 1)
        bia.teams = ["technical"]
        try await directory.update(bia)
        for _ in 0..<3 { #expect(try await cache.staff(of: directory).first?.teams == ["technical"]) }
        #expect(await directory.staffReads == 2)
    }
}
