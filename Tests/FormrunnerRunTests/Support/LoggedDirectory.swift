import Foundation
import FormrunnerCore

/// Users kept by `base`, each call logged.
struct LoggedDirectory: UserDirectory {
    let base: any UserDirectory
    let log: OperationLog

    func add(_ user: UserRecord) async throws {
        log.append("users.add")
        try await base.add(user)
    }

    func user(email: String) async throws -> UserRecord? {
        log.append("users.user")
        return try await base.user(email: email)
    }

    func list() async throws -> [UserRecord] {
        log.append("users.list")
        return try await base.list()
    }

    func remove(email: String) async throws -> Bool {
        log.append("users.remove")
        return try await base.remove(email: email)
    }

    func update(_ user: UserRecord) async throws {
        log.append("users.update")
        try await base.update(user)
    }
}
