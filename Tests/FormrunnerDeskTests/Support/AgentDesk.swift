import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerTestSupport

/// A desk on the repository's catalog (teams, priorities, the Brazilian calendar) over a fresh
/// store of one kind, with helpers to add agents and file tickets.
struct AgentDesk {
    /// A store the agent-desk tests run on.
    struct Kind: Sendable, CustomStringConvertible {
        let name: String
        /// The `--store` value for a scratch folder.
        let store: @Sendable (URL) throws -> String
        var description: String { name }

        static let memory = Kind(name: "memory") { _ in "memory:" }
        static let sqlite = Kind(name: "sqlite") { folder in "sqlite:" + folder.appendingPathComponent("tickets.sqlite").path }
        static let postgres = Kind(name: "postgres") { _ in
            let server = try PostgresServer.shared()
            return server.url(database: try server.makeDatabase())
        }
        static let stores: [Kind] = [.sqlite, .postgres]
    }

    let desk: Desk
    let folder: URL

    static let catalogRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `body` with a desk on a fresh store of `kind`, closed and removed afterwards.
    static func with<T>(_ kind: Kind, _ body: (AgentDesk) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agent-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = try await Desk.open(DeskSettings(catalog: catalogRoot, store: try kind.store(folder), notifier: "none",
                                                    environment: [:]))
        do {
            let result = try await body(AgentDesk(desk: desk, folder: folder))
            await desk.close()
            return result
        } catch {
            await desk.close()
            throw error
        }
    }

    var tickets: TicketDesk { desk.ticketDesk }

    /// Adds a user with `role` in `teams`.
    func addUser(_ email: String, role: UserRole = .agent, teams: [String] = [], awayUntil: Date? = nil) async throws {
        var user = UserRecord(email: email, name: email.split(separator: "@")[0].capitalized, createdAt: Self.instant("2026-12-01T12:00:00Z"))
        user.role = role
        user.teams = teams
        user.awayUntil = awayUntil
        try await desk.identity().directory.add(user)
    }

    /// Files a technical ticket with this impact, environment and type; `index` keeps submissions apart.
    @discardableResult
    func technical(impact: String = "auxiliary", environment: String = "production", type: String = "unexpected_behavior",
                   index: Int = 0, at instant: Date) async throws -> Ticket {
        try await tickets.create(formID: "technical.intake", answers: [
            "title": .single("Checkout fails \(index)"),
            "description": .single("The checkout page answers 502 for every buyer since this morning (\(index))."),
            "experience_level": .single("proficient"), "users_affected": .single("all_users"),
            "problem_impact": .single(impact), "environment": .single(environment), "problem_type": .single(type),
        ], requester: Requester(email: "ana@example.com", name: "Ana"), at: instant)
    }

    /// Files a financial ticket.
    @discardableResult
    func financial(index: Int = 0, at instant: Date) async throws -> Ticket {
        try await tickets.create(formID: "financial.change-monthly-invoice-expiration-date", answers: [
            "desired_day": .single("10"),
            "what_happened": .single("Our cash flow closes on the 5th; we need invoices due on the 10th (\(index))."),
        ], requester: Requester(email: "ana@example.com", name: "Ana"), at: instant)
    }

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
