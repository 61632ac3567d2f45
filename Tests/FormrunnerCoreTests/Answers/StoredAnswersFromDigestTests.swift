import Foundation
import Testing
@testable import FormrunnerCore

/// The submission digest writes the answers' JSON once, and the store is handed that text instead of
/// writing it again: the digest and the stored text must be what each wrote on its own.
@Suite("Stored answers from the submission digest")
struct StoredAnswersFromDigestTests {
    static let catalog = CatalogLoader(root: Fixtures.repository).load().catalog

    static func ticket(_ answers: [String: AnswerValue]) -> Ticket {
        Ticket(formID: "technical", formVersion: 2, workflowID: nil, lifecycleID: "support", status: "open", title: "Printer",
               requester: Requester(email: "Ana@Example.com", name: "Ana"), account: nil, answers: answers,
               createdAt: Date(timeIntervalSince1970: 1_767_225_600))
    }

    /// The digest as written before: the answers' JSON with slashes escaped, hashed after who asked.
    static func digestAlone(_ ticket: Ticket, without secret: Set<String> = []) throws -> String {
        var hash = SHA256()
        hash.update(utf8: "\(ticket.formID)\u{0}\(ticket.formVersion)\u{0}\(ticket.requester.email.lowercased())\u{0}")
        hash.update(utf8: try AnswersJSON.sortedJSON(ticket.answers.filter { !secret.contains($0.key) }, escapingSlashes: true))
        return hash.hexDigest()
    }

    static let answerSets: [[String: AnswerValue]] = [
        ["summary": .text("It blinks red"), "impact": .choice("critical")],
        ["summary": .text("See https://example.com/a/b and C:\\temp"), "path": .text("/var/log")],
        ["when": .date(LocalDate(year: 2026, month: 1, day: 31)!), "count": .number(3.5), "tags": .choices(["a/b", "c"]),
         "group": .items([["note": .text("x/y")]]), "ok": .boolean(true)],
        [:],
    ]

    @Test("without secret fields: the digest is the one written alone, and the stored text is `StoredAnswers.encode`'s",
          arguments: answerSets)
    func withoutSecrets(answers: [String: AnswerValue]) throws {
        let form = try #require(Self.catalog.forms.values.sorted { $0.id < $1.id }.first { !$0.fields.contains { $0.type == .secret } })
        let ticket = Self.ticket(answers)
        let (digest, stored) = TicketDesk.submissionDigestAndStoredAnswers(ticket, form: form)
        #expect(digest == (try Self.digestAlone(ticket)))
        #expect(stored == (try StoredAnswers.encode(answers)))
        #expect(TicketDesk.submissionDigest(ticket, form: form) == digest)
    }

    @Test("with a secret field: the digest leaves the secret out, and no stored text is handed on (it is sealed first)")
    func withSecrets() throws {
        var form = try #require(Self.catalog.forms.values.sorted { $0.id < $1.id }.first)
        form.fields.append(FieldDefinition(id: "password", label: LocalizedText("Password"), type: .secret,
                                           location: SourceLocation(file: "form.yaml", line: 1, column: 1)))
        let ticket = Self.ticket(["summary": .text("a/b"), "password": .text("hunter2")])
        let (digest, stored) = TicketDesk.submissionDigestAndStoredAnswers(ticket, form: form)
        #expect(digest == (try Self.digestAlone(ticket, without: ["password"])))
        #expect(stored == nil)
    }
}
