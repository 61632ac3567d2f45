import Foundation
import FormrunnerCore

/// A known month of the desk (November 2026, São Paulo, UTC−3), filed through the real desk so that
/// every figure of its report can be counted by hand:
///
/// | ticket | team, priority | created (local) | first response | then |
/// |---|---|---|---|---|
/// | T0 | technical, high | Wed Oct 28 10:00 | 11:00 (1 h) | solved Thu Nov 5 10:00; closed Tue Nov 10 10:00 |
/// | T3 | technical, normal | Mon Nov 2 (All Souls' Day) 10:00 | Tue Nov 3 11:00 (2 h) | solved 15:00, survey 3; closed Fri Nov 6 15:00 |
/// | T4 | technical, urgent | Tue Nov 3 09:00 | 12:00 (3 h: breached) | open |
/// | F1 | financial, low | Wed Nov 4 10:00 | Thu Nov 5 12:00 (11 h) | solved Fri Nov 6 10:00, survey 4; closed Wed Nov 11 10:00 |
/// | T6 | technical, normal | Mon Nov 9 09:00 | asked 10:00 (1 h) | awaiting the reply |
/// | T5 | technical, normal | Tue Nov 10 10:00 | none | solved by the requester at 11:00; closed Fri Nov 13 11:00 |
/// | T1 | technical, urgent | Fri Nov 13 17:30 | Mon Nov 16 09:20 (50 min over the weekend) | solved 11:00, reopened Tue 10:00, solved Wed Nov 18 10:00, survey 5; closed Tue Nov 24 10:00 |
/// | T2 | technical, high | Thu Nov 19 16:00 | Mon Nov 23 10:00 (3 h over Black Consciousness Day and the weekend) | open |
/// | F2 | financial, low | Wed Nov 25 10:00 | none (due Thu 13:00: breached) | open |
/// | F3 | financial, low | Mon Nov 30 17:00 | none (due Wed Dec 2 11:00: pending) | open |
///
/// The report is made at Tue Dec 1 10:00 local, after a tick at 09:00 that closes and breaches.
enum ReportDataSet {
    static let agent = "bia@desk.example"
    /// When the report is made: Tue 2026-12-01 10:00 in São Paulo.
    static let now = local("2026-12-01T10:00")

    /// `YYYY-MM-DDTHH:MM` in São Paulo (UTC−3, no daylight saving since 2019).
    static func local(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00-03:00")!
    }

    /// Files and moves the tickets of the table on `tickets`; `file` files a ticket of a kind
    /// (`urgent`, `high`, `normal` technical tickets, `financial`) at an instant.
    static func load(_ tickets: TicketDesk, file: @Sendable (String, Int, Date) async throws -> Ticket) async throws {
        func agent(_ ticket: Ticket, _ event: String, _ at: String) async throws {
            _ = try await tickets.transition(ticket.number, event: event, by: .agent, person: Self.agent,
                                             message: "\(event) at \(at)", at: local(at))
        }
        func requester(_ ticket: Ticket, _ event: String, _ at: String) async throws {
            _ = try await tickets.transition(ticket.number, event: event, by: .requester, message: "\(event) at \(at)", at: local(at))
        }
        func survey(_ ticket: Ticket, round: Int, _ rating: String, _ at: String) async throws {
            _ = try await tickets.answerSurvey(ticket.number, round: round, answers: ["rating": .single(rating)], at: local(at))
        }
        let t0 = try await file("high", 0, local("2026-10-28T10:00"))
        try await agent(t0, "comment", "2026-10-28T11:00")
        let t3 = try await file("normal", 3, local("2026-11-02T10:00"))
        let t4 = try await file("urgent", 4, local("2026-11-03T09:00"))
        try await agent(t3, "comment", "2026-11-03T11:00")
        try await agent(t4, "comment", "2026-11-03T12:00")
        try await agent(t3, "solve", "2026-11-03T15:00")
        let f1 = try await file("financial", 1, local("2026-11-04T10:00"))
        try await survey(t3, round: 1, "3", "2026-11-04T10:00")
        try await agent(t0, "solve", "2026-11-05T10:00")
        try await agent(f1, "comment", "2026-11-05T12:00")
        try await agent(f1, "solve", "2026-11-06T10:00")
        try await survey(f1, round: 1, "4", "2026-11-06T11:00")
        let t6 = try await file("normal", 6, local("2026-11-09T09:00"))
        try await agent(t6, "ask", "2026-11-09T10:00")
        let t5 = try await file("normal", 5, local("2026-11-10T10:00"))
        try await requester(t5, "solve", "2026-11-10T11:00")
        let t1 = try await file("urgent", 1, local("2026-11-13T17:30"))
        try await agent(t1, "comment", "2026-11-16T09:20")
        try await agent(t1, "solve", "2026-11-16T11:00")
        try await requester(t1, "reply", "2026-11-17T10:00")
        try await agent(t1, "solve", "2026-11-18T10:00")
        try await survey(t1, round: 2, "5", "2026-11-18T12:00")
        let t2 = try await file("high", 2, local("2026-11-19T16:00"))
        try await agent(t2, "comment", "2026-11-23T10:00")
        _ = try await file("financial", 2, local("2026-11-25T10:00"))
        _ = try await file("financial", 3, local("2026-11-30T17:00"))
        _ = try await tickets.tick(at: local("2026-12-01T09:00"))
    }

    /// The table of the November report, as `formrunner report` prints it.
    static let novemberTable = """
        Report 2026-11-01 to 2026-12-01 (exclusive, America/Sao_Paulo), all teams

        TEAM               PRIORITY  OPENED  SOLVED  CLOSED  REOPENED  SLA MET  BREACHED  PENDING  ATTAINMENT
        Financial support  Low            3       1       1         0        1         1        1         50%
        Technical support  Urgent         2       1       1         1        1         1        0         50%
        Technical support  High           1       1       1         0        1         0        0        100%
        Technical support  Normal         3       2       2         0        2         0        0        100%
        Total                             9       5       5         1        5         2        1         71%

        Reopen rate: 20% of solved tickets were reopened

        FIRST RESPONSE (working hours)  ANSWERED  MEDIAN    P90
        Commercial support                     0       —      —
        Financial support                      1   11.00  11.00
        Technical support                      5    2.00   3.00
        (no team)                              0       —      —
        All teams                              6    2.00  11.00

        Distribution: < 1 h 1 · 1–2 h 1 · 2–4 h 3 · 4–8 h 0 · 8–12 h 1 · 12–24 h 0 · ≥ 24 h 0

        BACKLOG (working days)  < 1 d  1–3 d  3–7 d  ≥ 7 d  TOTAL
        Commercial support          0      0      0      0      0
        Financial support           1      0      1      0      2
        Technical support           0      0      1      2      3
        (no team)                   0      0      0      0      0
        All teams                   1      0      2      2      5

        Satisfaction: 3 answers, average 4.00, satisfied 67% (1: 0, 2: 0, 3: 1, 4: 1, 5: 1)

        """
}
