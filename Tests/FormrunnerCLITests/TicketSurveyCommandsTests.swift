import Foundation
import Testing

/// `tickets show` tells where the ticket's satisfaction survey stands.
@Suite("formrunner tickets show: the satisfaction survey")
struct TicketSurveyCommandsTests {
    typealias Desk = TicketCommandsTests.Desk

    func survey(_ desk: Desk, at now: String) throws -> [String: Any]? {
        let run = try desk.run(["tickets", "show", "1", "--json"], at: now)
        return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["survey"] as? [String: Any]
    }

    @Test("before the ticket is solved the survey is not open: state none, round 0, no text line")
    func notYet() throws {
        let desk = try Desk()
        try desk.create()
        let survey = try #require(try self.survey(desk, at: "2026-11-25T10:30:00-03:00"))
        #expect(survey["state"] as? String == "none" && survey["round"] as? Int == 0)
        #expect(survey["due_at"] == nil && survey["rating"] == nil)
        let text = try desk.run(["tickets", "show", "1"], at: "2026-11-25T10:30:00-03:00")
        #expect(!text.stdout.contains("Survey:"))
    }

    @Test("once solved the survey is pending for 27 working hours, then expired")
    func pendingThenExpired() throws {
        let desk = try Desk()
        try desk.create()
        #expect(try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T13:00:00-03:00").status == 0)
        // Solved Wed 13:00 → 27 working hours later: Mon 2026-11-30 13:00 (-03:00).
        let pending = try #require(try survey(desk, at: "2026-11-27T10:00:00-03:00"))
        #expect(pending["state"] as? String == "pending" && pending["round"] as? Int == 1)
        #expect(pending["due_at"] as? String == "2026-11-30T16:00:00Z")
        let text = try desk.run(["tickets", "show", "1"], at: "2026-11-27T10:00:00-03:00")
        #expect(text.stdout.contains("\n  Survey:    pending until 2026-11-30T16:00:00Z (round 1)\n"))

        let expired = try #require(try survey(desk, at: "2026-11-30T13:00:00-03:00"))
        #expect(expired["state"] as? String == "expired" && expired["round"] as? Int == 1)
        let late = try desk.run(["tickets", "show", "1"], at: "2026-11-30T13:00:00-03:00")
        #expect(late.stdout.contains("\n  Survey:    expired at 2026-11-30T16:00:00Z (round 1)\n"))
    }

    @Test("reopened and solved again, the survey is in its second round")
    func secondRound() throws {
        let desk = try Desk()
        try desk.create()
        for (event, actor, at) in [("solve", "agent", "2026-11-25T13:00:00-03:00"), ("reply", "requester", "2026-11-25T14:00:00-03:00"),
                                   ("solve", "agent", "2026-11-25T15:00:00-03:00")] {
            #expect(try desk.run(["tickets", "transition", "1", event, "--as", actor], at: at).status == 0)
        }
        let survey = try #require(try self.survey(desk, at: "2026-11-25T16:00:00-03:00"))
        #expect(survey["state"] as? String == "pending" && survey["round"] as? Int == 2)
        #expect(survey["due_at"] as? String == "2026-11-30T18:00:00Z")
    }
}
