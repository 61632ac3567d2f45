import Foundation
import FormrunnerCore
import FormrunnerNotify
import Testing

/// The satisfaction survey through the desk: rounds opened by solving, the link in the Solved e-mail,
/// answers recorded once per round, refusals with their exact messages.
@Suite("The satisfaction survey through the desk")
struct SurveyDeskTests {
    /// Sample.now (Thursday 2026-03-05 11:07:09 in São Paulo) plus `hours`.
    static func at(_ hours: Double) -> Date { Sample.now.addingTimeInterval(hours * 3600) }

    /// A desk whose Solved e-mails link to `https://desk.example/survey/<ticket>.<round>`.
    static func desk() -> (TicketDesk, InMemoryTicketStore) {
        let store = InMemoryTicketStore()
        let links = SurveyLinks(baseURL: "https://desk.example/") { number, round in "\(number).\(round)" }
        let composer = TemplateComposer(catalog: Sample.catalog, surveyLinks: links)
        return (TicketDesk(catalog: Sample.catalog, store: store, composer: composer), store)
    }

    /// Ticket 1, filed at Sample.now and solved by an agent at `solvedAt`.
    static func solved(at solvedAt: Date = Sample.now) async throws -> (TicketDesk, InMemoryTicketStore) {
        let (desk, store) = desk()
        let ticket = Sample.ticket(status: "open")
        _ = try await store.create(ticket, history: [HistoryEntry(at: Sample.now, actor: .requester, event: "create",
                                                                  from: nil, to: "open")],
                                   submissionKey: nil, files: [:]) { _ in [] }
        _ = try await desk.transition(1, event: "solve", by: .agent, at: solvedAt)
        return (desk, store)
    }

    static func status(_ desk: TicketDesk, _ store: InMemoryTicketStore, at now: Date) async throws -> SurveyStatus {
        let ticket = try #require(try await store.ticket(1))
        return desk.surveyStatus(of: ticket, history: try await store.history(1), at: now)
    }

    static let fiveStars: [String: RawAnswer] = ["rating": .single("5"), "comment": .single("Quick and kind")]

    @Test("solving opens round 1, pending for 27 working hours, and the Solved e-mail links to it")
    func solvingOpensRound() async throws {
        let (desk, store) = try await Self.solved()
        let status = try await Self.status(desk, store, at: Self.at(1))
        #expect(status.round == 1 && status.state == .pending && status.answer == nil)
        #expect(status.openedAt == Sample.now)
        // Thu 11:07 → 6h53 Thu, 9 h Fri, 9 h Mon, 2h07 Tue: Tue 2026-03-10 11:07:09 in São Paulo.
        #expect(status.dueAt.map { ISO8601DateFormatter().string(from: $0) } == "2026-03-10T14:07:09Z")
        let solvedMail = try #require(try await store.outbox(for: 1).last)
        #expect(solvedMail.template == "solved")
        #expect(solvedMail.body.contains("\nhttps://desk.example/survey/1.1\n"))
    }

    @Test("a ticket that was never solved has no survey, and cannot be answered")
    func neverSolved() async throws {
        let (desk, store) = Self.desk()
        _ = try await store.create(Sample.ticket(status: "open"),
                                   history: [HistoryEntry(at: Sample.now, actor: .requester, event: "create", from: nil, to: "open")],
                                   submissionKey: nil, files: [:]) { _ in [] }
        #expect(try await Self.status(desk, store, at: Sample.now) == SurveyStatus(round: 0, state: .none))
        let error = await #expect(throws: SurveyFailure.notOpen(ticket: 1)) {
            try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Sample.now)
        }
        #expect(error?.description == "ticket 1 has no satisfaction survey yet: it opens when the ticket is solved")
        await #expect(throws: TicketDesk.Failure.notFound(7)) {
            try await desk.answerSurvey(7, round: 1, answers: Self.fiveStars, at: Sample.now)
        }
    }

    @Test("an answer is written once: reserved answers on the ticket and a readable history line")
    func answerRecorded() async throws {
        let (desk, store) = try await Self.solved()
        let before = try #require(try await store.ticket(1))
        let answered = try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Self.at(2))
        #expect(answered.answers[SurveyKeys.round] == .number(1))
        #expect(answered.answers[SurveyKeys.rating] == .choice("5"))
        #expect(answered.answers[SurveyKeys.comment] == .text("Quick and kind"))
        #expect(answered.answers[SurveyKeys.answeredAt] == .text("2026-03-05T16:07:09.000Z"))
        #expect(answered.version == before.version + 1 && answered.status == "solved")
        #expect(answered.timers == before.timers && answered.lastInteractionAt == before.lastInteractionAt,
                "answering does not postpone closing")
        #expect(try await store.ticket(1) == answered)
        let line = try #require(try await store.history(1).last)
        #expect(line == HistoryEntry(at: Self.at(2), actor: .requester, event: "survey", from: "solved", to: "solved",
                                     message: "Rating: 5 — Very satisfied. Comment: Quick and kind"))
        let status = try await Self.status(desk, store, at: Self.at(3))
        #expect(status.state == .evaluated && status.round == 1)
        #expect(status.answer == SurveyStatus.Answer(rating: "5", ratingLabel: "5 — Very satisfied", comment: "Quick and kind",
                                                     answeredAt: Self.at(2)))
        #expect(try await store.outbox(for: 1).count == 1, "no e-mail for an answer")
    }

    @Test("a rating without a comment reads as the rating alone")
    func ratingOnly() async throws {
        let (desk, store) = try await Self.solved()
        let answered = try await desk.answerSurvey(1, round: 1, answers: ["rating": .single("2")], at: Self.at(2))
        #expect(answered.answers[SurveyKeys.comment] == nil)
        #expect(try await store.history(1).last?.message == "Rating: 2 — Dissatisfied.")
    }

    @Test("a second answer to the same round is refused")
    func answeredTwice() async throws {
        let (desk, _) = try await Self.solved()
        _ = try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Self.at(2))
        let error = await #expect(throws: SurveyFailure.alreadyAnswered(ticket: 1, round: 1)) {
            try await desk.answerSurvey(1, round: 1, answers: ["rating": .single("1")], at: Self.at(3))
        }
        #expect(error?.description == "the satisfaction survey of ticket 1 was already answered; thank you")
    }

    @Test("an expired survey is refused")
    func expired() async throws {
        let (desk, store) = try await Self.solved()
        let due = try #require(try await Self.status(desk, store, at: Sample.now).dueAt)
        #expect(try await Self.status(desk, store, at: due.addingTimeInterval(-0.001)).state == .pending)
        #expect(try await Self.status(desk, store, at: due).state == .expired)
        let error = await #expect(throws: SurveyFailure.self) {
            try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: due)
        }
        #expect(error?.description == "the satisfaction survey of ticket 1 expired at 2026-03-10T14:07:09Z; it can no longer be answered")
    }

    @Test("answers that do not fit the survey form are refused with the form's messages")
    func invalidAnswers() async throws {
        let (desk, store) = try await Self.solved()
        let error = await #expect(throws: TicketDesk.Failure.self) {
            try await desk.answerSurvey(1, round: 1, answers: ["rating": .single("9")], at: Self.at(2))
        }
        #expect(error?.description.hasPrefix("the answers are not valid:\n  rating: ") == true, "\(String(describing: error))")
        let missing = await #expect(throws: TicketDesk.Failure.self) {
            try await desk.answerSurvey(1, round: 1, answers: ["comment": .single("no rating")], at: Self.at(2))
        }
        #expect(missing?.description.hasPrefix("the answers are not valid:\n  rating: ") == true, "\(String(describing: missing))")
        #expect(try await Self.status(desk, store, at: Self.at(2)).state == .pending, "nothing was written")
    }

    @Test("reopening and solving again opens round 2; the link of round 1 is then refused")
    func secondRound() async throws {
        let (desk, store) = try await Self.solved()
        _ = try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Self.at(1))
        _ = try await desk.transition(1, event: "reply", by: .requester, message: "Broken again", at: Self.at(2))
        _ = try await desk.transition(1, event: "solve", by: .agent, at: Self.at(3))
        let status = try await Self.status(desk, store, at: Self.at(4))
        #expect(status.round == 2 && status.state == .pending && status.openedAt == Self.at(3))
        #expect(try await store.outbox(for: 1).last?.body.contains("\nhttps://desk.example/survey/1.2\n") == true)
        let error = await #expect(throws: SurveyFailure.wrongRound(ticket: 1, given: 1, current: 2)) {
            try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Self.at(4))
        }
        #expect(error?.description
                == "this survey link of ticket 1 is out of date (survey 1, the current one is 2); use the link of the latest e-mail")
        let answered = try await desk.answerSurvey(1, round: 2, answers: ["rating": .single("3")], at: Self.at(5))
        #expect(answered.answers[SurveyKeys.round] == .number(2) && answered.answers[SurveyKeys.comment] == nil)
        #expect(try await store.history(1).filter { $0.event == "survey" }.count == 2)
    }

    @Test("the ticket document shows the survey with its answer")
    func document() async throws {
        let (desk, store) = try await Self.solved()
        let answered = try await desk.answerSurvey(1, round: 1, answers: Self.fiveStars, at: Self.at(2))
        let status = desk.surveyStatus(of: answered, history: try await store.history(1), at: Self.at(3))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(TicketDocument.Survey(status)), as: UTF8.self)
        #expect(json == #"{"answered_at":"2026-03-05T16:07:09Z","comment":"Quick and kind","due_at":"2026-03-10T14:07:09Z","#
                + #""rating":"5","rating_label":"5 — Very satisfied","round":1,"state":"evaluated"}"#)
    }
}
