import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance {
    /// Sessions of a fixed week: answered by an article, handed off, left for good, still open.
    static func assistantWeek() -> [AssistantSession] {
        let day = Date(timeIntervalSince1970: 1_796_000_000)
        var answered = AssistantSession(id: "a", workflowID: "technical-support", requester: "ana@example.com", language: "pt",
                                        startedAt: day, shown: ["har-file", "invoice-due-dates", "ticket-statuses"])
        answered.open("har-file", at: day.addingTimeInterval(60))
        answered.end(.answered, at: day.addingTimeInterval(90))
        var handoff = AssistantSession(id: "b", workflowID: "technical-support", requester: "bo@example.com", language: "en",
                                       startedAt: day.addingTimeInterval(3600), shown: ["har-file", "reopening"])
        handoff.end(.handoff, at: day.addingTimeInterval(3700))
        let left = AssistantSession(id: "c", workflowID: "technical-support", requester: "cy@example.com", language: "es",
                                    startedAt: day.addingTimeInterval(7200), shown: ["reopening", "boleto"])
        let open = AssistantSession(id: "d", workflowID: "technical-support", requester: "di@example.com", language: "en",
                                    startedAt: day.addingTimeInterval(8 * 24 * 3600), shown: ["boleto"])
        return [answered, handoff, left, open]
    }

    @Test("assistant sessions are stored, updated by id and read back by period, oldest first", arguments: StoreKind.all)
    func assistantSessionsRoundTrip(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let sessions = try #require(store as? any AssistantSessionStore)
            var week = Self.assistantWeek()
            for session in week.reversed() { try await sessions.saveAssistantSession(session) }
            // Saved again with a change: the same row.
            week[2].show(["payment-error"], at: week[2].startedAt.addingTimeInterval(30))
            try await sessions.saveAssistantSession(week[2])
            let all = try await sessions.assistantSessions(from: nil, to: nil)
            #expect(all == week)
            let first = try await sessions.assistantSessions(from: week[1].startedAt, to: week[3].startedAt)
            #expect(first.map(\.id) == ["b", "c"])
            #expect(first.last?.shown == ["reopening", "boleto", "payment-error"])
        }
    }

    @Test("the stats count answered, handed-off, abandoned and open sessions and the articles that did not answer",
          arguments: StoreKind.all)
    func assistantStats(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let sessions = try #require(store as? any AssistantSessionStore)
            let week = Self.assistantWeek()
            for session in week { try await sessions.saveAssistantSession(session) }
            let now = week[3].startedAt.addingTimeInterval(60)
            let stats = AssistantStats(try await sessions.assistantSessions(from: nil, to: nil), at: now)
            #expect(stats.sessions == 4)
            #expect(stats.answered == 1)
            #expect(stats.handedOff == 1)
            #expect(stats.abandoned == 1)
            #expect(stats.inProgress == 1)
            #expect(stats.deflectionRate == 1.0 / 3.0)
            #expect(stats.failing.map(\.id) == ["reopening", "boleto", "har-file", "invoice-due-dates", "ticket-statuses"])
            #expect(stats.failing.first == AssistantStats.Article(id: "reopening", shown: 2, notAnswering: 2, answered: 0))
            #expect(stats.failing.first { $0.id == "har-file" } == AssistantStats.Article(id: "har-file", shown: 2, notAnswering: 1, answered: 1))
            // The open session of the last day is not abandoned yet, so "boleto" failed once.
            #expect(stats.failing.first { $0.id == "boleto" }?.notAnswering == 1)
            // Seven days after its last step, the session left on day one counts as abandoned; not a moment before.
            let justBefore = AssistantStats([week[2]], at: week[2].updatedAt.addingTimeInterval(AssistantSession.abandonedAfter))
            #expect(justBefore.abandoned == 0)
            #expect(justBefore.inProgress == 1)
            #expect(justBefore.deflectionRate == nil)
        }
    }
}
