import Foundation
import FormrunnerCore
import Testing

@Suite("Identity: user directory contract")
struct UserDirectoryConformanceTests {
    @Test("add, then find by e-mail in any case and spacing; read back in stored form", arguments: IdentityStoreKind.all)
    func addAndFind(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let ana = Sample.user()
            try await stores.users.add(ana)
            let found = try #require(try await stores.users.user(email: "  ANA@Example.COM "))
            #expect(found == ana.storedForm)
            #expect(found.email == "ana@example.com" && found.country == "BR")
            #expect(found.createdAt == Sample.now)
            #expect(found.accounts == ["storebr", "storeintl"] && found.permissions == ["support"])
            #expect(found.totpSecret == "JBSWY3DPEHPK3PXP" && found.passwordHash == ana.passwordHash)
            #expect(try await stores.users.user(email: "bruno@example.com") == nil)
        }
    }

    @Test("a duplicate e-mail is refused and nothing changes", arguments: IdentityStoreKind.all)
    func duplicate(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.users.add(Sample.user())
            await #expect(throws: IdentityStoreError.duplicateUser(email: "ana@example.com")) {
                try await stores.users.add(Sample.user("Ana@EXAMPLE.com", name: "Someone Else"))
            }
            #expect(try await stores.users.user(email: "ana@example.com")?.name == "Ana Souza")
            #expect(try await stores.users.list().count == 1)
        }
    }

    @Test("records that are not acceptable are refused", arguments: IdentityStoreKind.all)
    func invalid(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores throws in
            for bad in [Sample.user("not-an-address"), Sample.user("a b@example.com"), Sample.user("@example.com"),
                        Sample.user("ana@example.com", name: "  ")] {
                await #expect(throws: IdentityStoreError.self) { try await stores.users.add(bad) }
            }
            #expect(try await stores.users.list().isEmpty)
        }
    }

    @Test("list is ordered by e-mail; users without optional fields round-trip", arguments: IdentityStoreKind.all)
    func list(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let plain = UserRecord(email: "carla@example.com", name: "Carla", createdAt: Sample.now)
            try await stores.users.add(plain)
            try await stores.users.add(Sample.user("bruno@example.com", name: "Bruno"))
            try await stores.users.add(Sample.user())
            let listed = try await stores.users.list()
            #expect(listed.map(\.email) == ["ana@example.com", "bruno@example.com", "carla@example.com"])
            #expect(listed[2] == plain.storedForm)
            #expect(listed[2].passwordHash == nil && listed[2].totpSecret == nil && listed[2].country == nil)
        }
    }

    @Test("update replaces every field; an unknown e-mail is refused", arguments: IdentityStoreKind.all)
    func update(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.users.add(Sample.user())
            var changed = Sample.user()
            changed.name = "Ana S."
            changed.accounts = ["other"]
            changed.permissions = []
            changed.totpSecret = nil
            changed.passwordHash = nil
            changed.phone = nil
            try await stores.users.update(changed)
            #expect(try await stores.users.user(email: "ana@example.com") == changed.storedForm)
            await #expect(throws: IdentityStoreError.userNotFound(email: "zoe@example.com")) {
                try await stores.users.update(Sample.user("zoe@example.com"))
            }
            #expect(try await stores.users.user(email: "zoe@example.com") == nil)
        }
    }

    @Test("remove says whether there was a user", arguments: IdentityStoreKind.all)
    func remove(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.users.add(Sample.user())
            #expect(try await stores.users.remove(email: " ANA@example.com"))
            #expect(try await stores.users.remove(email: "ana@example.com") == false)
            #expect(try await stores.users.user(email: "ana@example.com") == nil)
            try await stores.users.add(Sample.user())
            #expect(try await stores.users.list().count == 1)
        }
    }
}
