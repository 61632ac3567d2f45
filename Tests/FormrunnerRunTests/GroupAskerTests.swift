import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerPrompt
import Testing

/// A repeatable group asked by ``FormAsker``: "Add another" is not asked below `min` nor past `max`,
/// an item field's `when:` sees its own item, and the review of the items adds, changes and keeps.
@Suite("A repeatable group, question by question")
struct GroupAskerTests {
    static let form: FormDefinition = {
        let result = CatalogLoader(root: FlowDesk.repository + "/Tests/Fixtures/groups").load()
        guard let form = result.catalog.forms["refund.orders"] else { fatalError("\(result.diagnostics)") }
        return form
    }()

    /// The form with the group's `repeat` changed.
    static func form(repeat range: ClosedRange<Int>) -> FormDefinition {
        var form = Self.form
        if let index = form.fields.firstIndex(where: { $0.id == "orders" }) { form.fields[index].itemCount = range }
        return form
    }

    static func ask(_ form: FormDefinition, _ script: [ScriptedPrompter.Answer]) throws -> (ScriptedPrompter, [String: AnswerValue]) {
        let prompter = ScriptedPrompter(script)
        var answers: [String: AnswerValue] = [:]
        var files: [String: String] = [:]
        try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files)
        return (prompter, answers)
    }

    @Test("at max the items stop without asking; below min Add another is not asked")
    func bounds() throws {
        let (prompter, answers) = try Self.ask(Self.form(repeat: 2...2), [
            .text("T"), .text("ORD-000001"), .text("1"), .text(""), .text("ORD-000002"), .text("2"), .text(""), .text("keep"),
        ])
        #expect(!prompter.asked.contains("Add another order?"))
        #expect(prompter.said.contains("Order 2 of 2"))
        #expect(prompter.offered["What next?"] == ["keep", "change"])
        guard case .items(let items)? = answers["orders"] else { Issue.record("no items: \(answers)"); return }
        #expect(items.map { $0["order_id"] } == [.text("ORD-000001"), .text("ORD-000002")])
        #expect(prompter.finished)
    }

    @Test("an optional group asks whether there is any item at all, and may end empty")
    func optional() throws {
        let (prompter, answers) = try Self.ask(Self.form(repeat: 0...3), [.text("T"), .text("no"), .text("keep")])
        #expect(prompter.asked == ["Title", "Any order to add?", "What next?"])
        #expect(prompter.offered["What next?"] == ["keep", "add"])
        #expect(answers["orders"] == .items([]))
    }

    @Test("an item's own condition sees its item; a bad answer is asked again; the review changes an item")
    func reviewChanges() throws {
        let (prompter, answers) = try Self.ask(Self.form, [
            .text("T"), .text("ORD-1"), .text("ORD-000001"), .text("-2"), .text("2"), .text("damaged"), .text("Dented"),
            .text("no"),
            .text("change"), .text("0"), .text("ORD-000009"), .enter, .text("missing"),
            .text("keep"),
        ])
        #expect(prompter.rejections == ["must match the pattern ORD-[0-9]{6}", "must be at least 0, got -2"])
        #expect(answers["orders"] == .items([["order_id": .text("ORD-000009"), "amount": .number(2), "reason": .choice("missing")]]))
        #expect(prompter.said.contains("1. Order id: ORD-000001; Amount: 2; Reason: Arrived damaged; What does the damage look like?: Dented"))
        #expect(prompter.finished)
    }
}
