import Foundation
import Testing

/// The same answers sent twice file one ticket, but only for a while: the next day they are a new
/// request. An idempotency key makes a submission unique for good.
@Suite("Duplicate submissions")
struct DuplicateSubmissionTests {
    typealias Desk = TicketCommandsTests.Desk
    static let refusal = "formrunner: these answers were already filed as ticket 1; nothing new was created\n"

    @Test("the same answers are refused within 10 minutes, across the minute the window turns, and filed again the next day")
    func window() throws {
        let desk = try Desk()
        #expect(try desk.create(at: "2026-11-25T10:09:30-03:00").status == 0)
        for later in ["2026-11-25T10:09:45-03:00", "2026-11-25T10:10:30-03:00", "2026-11-25T10:19:00-03:00"] {
            let again = try desk.create(at: later)
            #expect(again.status == 1, "\(later)")
            #expect(again.stderr == Self.refusal, "\(later)")
        }
        let solved = try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T11:00:00-03:00")
        #expect(solved.status == 0, "\(solved.stderr)")
        let nextDay = try desk.create(at: "2026-11-26T10:00:00-03:00")
        #expect(nextDay.status == 0, "\(nextDay.stderr)")
        #expect(nextDay.stdout == "Ticket 2 created: Checkout fails with error 500 [Open]\n")
    }

    @Test("a window of 30 s from FORMRUNNER_DUPLICATE_WINDOW; a malformed one is refused with its reason")
    func configurable() throws {
        let desk = try Desk()
        func create(_ now: String, window: String) throws -> CommandRunner.Run {
            try CommandRunner.run(["tickets", "create", "--form", "technical.intake", "--answers", desk.folder + "/answers.yaml",
                                   "--requester", "ana@example.com", "--now", now],
                                  environment: desk.environment.merging(["FORMRUNNER_DUPLICATE_WINDOW": window]) { $1 })
        }
        #expect(try create("2026-11-25T10:00:00-03:00", window: "30s").status == 0)
        #expect(try create("2026-11-25T10:00:20-03:00", window: "30s").status == 1)
        #expect(try create("2026-11-25T10:00:40-03:00", window: "30s").status == 0)
        let bad = try create("2026-11-25T10:01:00-03:00", window: "soon")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("FORMRUNNER_DUPLICATE_WINDOW is 'soon'; give a duration such as 10m or 30s"), "\(bad.stderr)")
    }

    @Test("an idempotency key refuses a second submission with it however late, whatever its answers")
    func idempotencyKey() throws {
        let desk = try Desk()
        func create(_ now: String, key: String, title: String) throws -> CommandRunner.Run {
            try desk.run(["tickets", "create", "--form", "technical.intake", "--answers", desk.folder + "/answers.yaml",
                          "--requester", "ana@example.com", "--idempotency-key", key, "--set", "title=\(title)"], at: now)
        }
        #expect(try create("2026-11-25T10:00:00-03:00", key: "order-77", title: "First").status == 0)
        let again = try create("2026-12-02T10:00:00-03:00", key: "order-77", title: "Another title")
        #expect(again.status == 1)
        #expect(again.stderr == Self.refusal)
        let other = try create("2026-11-25T10:00:05-03:00", key: "order-78", title: "First")
        #expect(other.status == 0, "\(other.stderr)")
    }
}
