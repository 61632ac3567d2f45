import Foundation
import FormrunnerCore
import Testing

/// Timers in a custom life cycle where an agent may comment on a Solved ticket: the comment keeps
/// the status, and only the timers that count from the last interaction move.
@Suite("Timers re-armed by an event that keeps the status")
struct TimerRearmTests {
    static let lifecycle = """
        lifecycle: comment-on-solved
        title: Comments on solved tickets
        calendar: brazil-support
        initial: open
        statuses:
          open: {label: Open}
          solved: {label: Solved}
          closed: {label: Closed, final: true}
          archived: {label: Archived, final: true}
        transitions:
          - {event: solve, from: open, to: solved, by: agent}
          - {event: comment, from: [open, solved], by: agent}
          - {event: close, from: solved, to: closed, by: system, after: {working_hours: 27, since: last_interaction}}
          - {event: archive, from: solved, to: archived, by: system, after: {working_hours: 40, since: entered}}
        """

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// The engine of the life cycle above, on the repository's Brazilian calendar.
    static func engine() throws -> LifecycleEngine {
        try Fixtures.withTemporaryFolder { folder in
            Fixtures.write(lifecycle, to: "Workflows/life.yaml", in: folder)
            Fixtures.write(try String(contentsOfFile: Fixtures.repository + "/Workflows/brazil-support.yaml", encoding: .utf8),
                           to: "Workflows/brazil-support.yaml", in: folder)
            let result = CatalogLoader(root: folder).load()
            #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
            let lifecycle = try #require(result.catalog.lifecycles["comment-on-solved"])
            let calendar = try #require(result.catalog.calendars["brazil-support"]?.calendar)
            return LifecycleEngine(lifecycle: lifecycle, calendar: calendar)
        }
    }

    @Test("an agent's comment on a Solved ticket moves the last-interaction timer; the entered timer keeps its instant")
    func commentRearms() throws {
        let engine = try Self.engine()
        let wednesday = Self.instant("2026-11-25T10:00:00-03:00")
        var ticket = engine.open(Ticket(formID: "f", formVersion: 1, lifecycleID: "", status: "", title: "t",
                                        requester: Requester(email: "ana@example.com"), answers: [:], createdAt: wednesday),
                                 at: wednesday).ticket
        ticket = try engine.apply("solve", by: .agent, to: ticket, at: wednesday).get().ticket
        // 27 working hours from Wednesday 10:00: Monday 10:00; 40: Tuesday 14:00 (09:00–18:00, Monday to Friday).
        #expect(Dictionary(uniqueKeysWithValues: ticket.timers.map { ($0.event, $0.dueAt) }) == [
            "close": Self.instant("2026-11-30T10:00:00-03:00"), "archive": Self.instant("2026-12-01T14:00:00-03:00"),
        ])

        let thursday = Self.instant("2026-11-26T10:00:00-03:00")
        let commented = try engine.apply("comment", by: .agent, to: ticket, at: thursday).get()
        #expect(commented.ticket.status == "solved")
        #expect(Dictionary(uniqueKeysWithValues: commented.ticket.timers.map { ($0.event, $0.dueAt) }) == [
            "close": Self.instant("2026-12-01T10:00:00-03:00"), "archive": Self.instant("2026-12-01T14:00:00-03:00"),
        ])
        #expect(commented.armed.map(\.event) == ["close"])
        #expect(commented.cancelled.isEmpty)
    }
}
