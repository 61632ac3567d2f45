import Foundation
import FormrunnerCore
import Testing

/// What the requester never sees of the agents' work.
@Suite("Agent-only history")
struct AgentOnlyHistoryTests {
    @Test("assignments, priority changes and SLA alerts are agent-only; life-cycle events are not")
    func agentOnly() {
        let now = Date()
        let events = ["create", "assign", "unassign", "priority", "sla_warning", "sla_breach", "reply", "solve", "close"]
        let agentOnly = events.filter { HistoryEntry(at: now, actor: .system, event: $0, from: "open", to: "open").isAgentOnly }
        #expect(agentOnly == ["assign", "unassign", "priority", "sla_warning", "sla_breach"])
    }
}
