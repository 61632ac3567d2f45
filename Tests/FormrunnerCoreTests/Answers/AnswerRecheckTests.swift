import FormrunnerCore
import Testing

/// A draft's answers, given to version 1 of a form (`Tests/Fixtures/versions/v1`), checked against
/// version 2 (`…/v2`: `amount` at most 500, no `gold` plan, no `order` field, a new `reason`).
@Suite("Answers of a draft checked against a newer version of the form")
struct AnswerRecheckTests {
    static func form(_ version: String) throws -> FormDefinition {
        let catalog = CatalogLoader(root: Fixtures.repository + "/Tests/Fixtures/versions/" + version).load().catalog
        return try #require(catalog.forms["refund.request"])
    }

    static let answers: [String: AnswerValue] = [
        "title": .text("Refund for order 7"), "amount": .number(900), "plan": .choice("gold"), "order": .text("ORD-7"),
    ]

    @Test("valid answers are kept; the refused ones and the removed field's are dropped, each with its reason")
    func changedForm() throws {
        let recheck = AnswerRecheck(form: try Self.form("v2"), answers: Self.answers, files: [:])
        #expect(recheck.answers == ["title": .text("Refund for order 7")])
        #expect(recheck.needsAnswers)
        #expect(recheck.notices.map { $0.text(in: "en") } == [
            "The form changed since you started: 'Amount' must now be at most 500; please answer again.",
            "The form changed since you started: 'Plan': 'gold' is not an option; expected one of basic, silver; please answer again.",
            "The form changed since you started: 'order' is no longer asked, so its answer (ORD-7) was dropped.",
        ])
        #expect(recheck.notices.map(\.isRemoval) == [false, false, true])
    }

    @Test("the reasons are said in the person's language")
    func languages() throws {
        let recheck = AnswerRecheck(form: try Self.form("v2"), answers: Self.answers, files: [:])
        #expect(recheck.notices.first?.text(in: "pt")
                == "O formulário mudou desde que você começou: 'Amount' must now be at most 500; responda novamente.")
        #expect(recheck.notices.last?.text(in: "es")
                == "El formulario cambió desde que empezó: 'order' ya no se pregunta, y su respuesta (ORD-7) se descartó.")
    }

    @Test("answers the new version accepts are all kept, and a new required field is what is left to answer")
    func stillValid() throws {
        var answers = Self.answers
        answers["amount"] = .number(400)
        answers["plan"] = .choice("silver")
        answers["order"] = nil
        let recheck = AnswerRecheck(form: try Self.form("v2"), answers: answers, files: [:])
        #expect(recheck.answers == answers)
        #expect(recheck.notices.isEmpty)
        #expect(recheck.needsAnswers)
        answers["reason"] = .text("Charged twice")
        #expect(!AnswerRecheck(form: try Self.form("v2"), answers: answers, files: [:]).needsAnswers)
    }

    @Test("the same answers against the version they were given to are kept whole")
    func sameVersion() throws {
        let recheck = AnswerRecheck(form: try Self.form("v1"), answers: Self.answers, files: [:])
        #expect(recheck.answers == Self.answers)
        #expect(recheck.notices.isEmpty)
        #expect(!recheck.needsAnswers)
    }
}
