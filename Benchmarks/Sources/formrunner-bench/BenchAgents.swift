import Foundation
import FormrunnerCore

/// The agents the create benchmarks assign to: `agent0@example.com`, `agent1@example.com`, … of one team.
enum BenchAgents {
    /// Adds `count` agents of `team`, created at `instant`, to `directory`.
    static func add(_ count: Int, team: String, to directory: any UserDirectory, at instant: Date) async throws {
        for index in 0..<count {
            var agent = UserRecord(email: "agent\(index)@example.com", name: "Agent \(index)", createdAt: instant)
            agent.role = .agent
            agent.teams = [team]
            try await directory.add(agent)
        }
    }
}
