import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Mail ingester")
struct MailIngesterTests {
    static let desk = (try? DeskAddress(parsing: "Support <support@desk.example>")) ?? .standard

    /// A desk on an in-memory store holding tickets 1…12 of ana@example.com; ticket 12 is in `status`.
    func ingester(status: String = "awaiting_reply") async throws -> (MailIngester, InMemoryTicketStore) {
        let store = InMemoryTicketStore()
        for number in 1...12 {
            _ = try await store.create(Sample.ticket(title: "T\(number)", status: number == 12 ? status : "open"),
                                       history: [], submissionKey: nil, files: [:]) { _ in [] }
        }
        let deskService = TicketDesk(catalog: Sample.catalog, store: store, composer: TemplateComposer(catalog: Sample.catalog))
        return (MailIngester(desk: deskService, address: Self.desk), store)
    }

    @Test("a Gmail reply is recorded: cleaned text in the history, the e-mail kept as evidence")
    func recorded() async throws {
        let (ingester, store) = try await ingester()
        let outcome = await ingester.ingest(MailFixtures.gmail(), at: Sample.now)
        #expect(outcome == .recorded(ticket: 12, from: "awaiting_reply", to: "open"))
        let history = try await store.history(12)
        #expect(history.last?.event == "reply" && history.last?.actor == .requester)
        #expect(history.last?.message == "We pay by boleto, and the error happens on the confirmação page.")
        guard case .files(let files)? = try await store.ticket(12)?.answers[MailIngester.evidenceField] else {
            Issue.record("no evidence")
            return
        }
        #expect(files.map(\.name) == ["CAF%3Dgmail-1%40mail%2Egmail%2Ecom.eml"])
        #expect(files.first?.mediaType == "message/rfc822")
        #expect(files.first?.sha256 == SHA256.hexDigest(of: MailFixtures.gmail()))
    }

    @Test("the same message twice is recorded once (by Message-ID)")
    func idempotent() async throws {
        let (ingester, store) = try await ingester()
        #expect(await ingester.ingest(MailFixtures.gmail(), at: Sample.now).isProcessed)
        #expect(await ingester.ingest(MailFixtures.gmail(), at: Sample.now) == .alreadyRecorded(ticket: 12))
        #expect(try await store.history(12).filter { $0.event == "reply" }.count == 1)
    }

    @Test("a reply to a Solved ticket reopens it; attachments are stored with it")
    func reopensWithAttachments() async throws {
        let (ingester, store) = try await ingester(status: "solved")
        #expect(await ingester.ingest(MailFixtures.withAttachments, at: Sample.now) == .recorded(ticket: 12, from: "solved", to: "open"))
        guard case .files(let files)? = try await store.ticket(12)?.answers[MailIngester.evidenceField] else {
            Issue.record("no evidence")
            return
        }
        #expect(files.map(\.name) == ["attach-4%40example%2Ecom.eml", "recibo nº 1.pdf", "screen.png"])
        #expect(files[1].size == 21 && files[1].sha256 == SHA256.hexDigest(of: Data("%PDF-1.7\n% a tiny pdf".utf8)))
        #expect(try await store.history(12).last?.message == "Here is the receipt and a screenshot.")
    }

    @Test("matching by reference and by subject when no +ticket address is there")
    func otherMatches() async throws {
        let (ingester, _) = try await ingester()
        let byReference = MailFixtures.plain(subject: "Re: hello", messageID: "<r-1@example.com>", inReplyTo: "<ticket-12.ff@desk.example>")
        #expect(await ingester.ingest(byReference, at: Sample.now) == .recorded(ticket: 12, from: "awaiting_reply", to: "open"))
        let bySubject = MailFixtures.plain(subject: "Re: [#11] hello", messageID: "<s-1@example.com>")
        #expect(await ingester.ingest(bySubject, at: Sample.now) == .recorded(ticket: 11, from: "open", to: "open"))
    }

    @Test("refusals, each with its exact reason")
    func refusals() async throws {
        let (ingester, store) = try await ingester()
        let forged = MailFixtures.gmail(from: "Mallory <mallory@evil.example>")
        #expect(await ingester.ingest(forged, at: Sample.now)
                == .refused("the sender mallory@evil.example is not the requester of ticket 12"))
        let unknown = MailFixtures.plain(to: "support+ticket-99@desk.example", subject: "Re: hi")
        #expect(await ingester.ingest(unknown, at: Sample.now) == .refused("ticket 99 does not exist"))
        let nothing = MailFixtures.plain(subject: "Hello")
        #expect(await ingester.ingest(nothing, at: Sample.now) == .unmatched(
            "no ticket found: no support+ticket-N address, no reference to a message of ours, no [#N] in the subject"))
        let foreignDomain = MailFixtures.plain(subject: "Re: hi", inReplyTo: "<ticket-12@evil.example>")
        #expect(await ingester.ingest(foreignDomain, at: Sample.now).isProcessed == false)
        let noSender = MailFixtures.plain(from: "undisclosed-recipients:;", subject: "[#12]")
        #expect(await ingester.ingest(noSender, at: Sample.now) == .refused("the message has no sender address"))
        let outOfOffice = MailFixtures.plain(subject: "Out of office: [#12]", extra: "Auto-Submitted: auto-replied\n")
        #expect(await ingester.ingest(outOfOffice, at: Sample.now)
                == .refused("an automatic message (Auto-Submitted: auto-replied) is not recorded as a reply"))
        #expect(try await store.history(12).isEmpty)
    }

    @Test("a reply to a Closed ticket is refused and answered with the reopen-refused e-mail")
    func closed() async throws {
        let (ingester, store) = try await ingester(status: "closed")
        #expect(await ingester.ingest(MailFixtures.appleMail, at: Sample.now)
                == .refused("ticket 12 is Closed; closed tickets cannot be reopened or changed — open a new ticket"))
        let outbox = try await store.outbox(for: 12)
        #expect(outbox.map(\.template) == ["reopen-refused"])
        #expect(outbox.first?.subject == "[Support] Ticket #12 is closed and cannot be reopened")
        #expect(outbox.first?.body.contains("please open a new ticket and mention ticket #12") == true)
        #expect(try await store.ticket(12)?.answers[MailIngester.evidenceField] == nil)
    }

    @Test("the same reply to a Closed ticket handed in twice is answered once; another reply gets its own answer")
    func closedTwice() async throws {
        let (ingester, store) = try await ingester(status: "closed")
        let refusal = IngestOutcome.refused("ticket 12 is Closed; closed tickets cannot be reopened or changed — open a new ticket")
        #expect(await ingester.ingest(MailFixtures.appleMail, at: Sample.now) == refusal)
        #expect(await ingester.ingest(MailFixtures.appleMail, at: Sample.now.addingTimeInterval(60)) == refusal)
        let once = try await store.outbox(for: 12)
        #expect(once.map(\.template) == ["reopen-refused"])
        #expect(once.first?.id.hasPrefix("refused-0-") == true)
        #expect(await ingester.ingest(MailFixtures.gmail(), at: Sample.now.addingTimeInterval(120)) == refusal)
        let twice = try await store.outbox(for: 12)
        #expect(twice.map(\.template) == ["reopen-refused", "reopen-refused"])
        #expect(Set(twice.map(\.id)).count == 2)
    }

    @Test("a failing store: the message is to be tried again, not refused")
    func storeFailure() async {
        let desk = TicketDesk(catalog: Sample.catalog, store: BrokenStore(), composer: TemplateComposer(catalog: Sample.catalog))
        let outcome = await MailIngester(desk: desk, address: Self.desk).ingest(MailFixtures.gmail(), at: Sample.now)
        #expect(outcome == .failed("the ticket store is unavailable: disk on fire"))
        #expect(!outcome.isProcessed && outcome.isProblem)
    }
}
