import Foundation
import FormrunnerCore
import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Notes, sections and validation rules, line by line")
    struct FormBlocksAskerTests {
        static let form: FormDefinition = {
            let result = CatalogLoader(root: Catalogs.repository + "/Tests/Fixtures/blocks").load()
            guard let form = result.catalog.forms["incident.report"] else { fatalError("\(result.diagnostics)") }
            return form
        }()

        /// `days` days before today, as YYYY-MM-DD.
        static func daysAgo(_ days: Int) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.timeZone = TimeZone(identifier: "America/Sao_Paulo")
            return formatter.string(from: Date().addingTimeInterval(-Double(days) * 86_400))
        }

        @Test("sections are headings, notes are shown as text, and a must_be box, a required option and a rule ask again with their messages")
        func asksWithBlocks() throws {
            let script = [
                "2", "1",                      // checks: the required option is missing, then chosen
                "n", "y",                      // agree: must be accepted
                "Checkout is down",            // title
                "", "", "",                    // order, site, phone: skipped
                "2025-06-01 08:30",            // started_at
                Self.daysAgo(10),              // start_date
                Self.daysAgo(12),              // end_date: before the start
                Self.daysAgo(9),               // end_date again, after the rule's message
            ].joined(separator: "\n") + "\n"
            var answers: [String: AnswerValue] = [:]
            var files: [String: String] = [:]
            let run = ScriptedLines.run(script) { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(Self.form, answers: &answers, files: &files)
            }
            #expect(run.result.succeeded)
            if ProcessInfo.processInfo.environment["PROMPT_PEEK"] != nil { print(run.output) }
            let output = run.output
            let order = ["Report an incident", "Before you start", "Read this, then confirm.",
                         "Incidents are answered within one working day.", "Before you send",
                         "must include 'I searched the existing tickets'",
                         "'I agree to the terms of service' must be accepted", "The incident",
                         "The last day affected must be on or after the first day."]
            var rest = Substring(output)
            for part in order {
                guard let found = rest.range(of: part) else { Issue.record("missing or out of order: \(part)\n\(output)"); return }
                rest = rest[found.upperBound...]
            }
            #expect(!output.contains("**"))
            #expect(!output.contains("Refund"))
            #expect(answers["checks"] == .choices(["searched"]))
            #expect(answers["agree"] == .boolean(true))
            #expect(answers["end_date"]?.plainText == Self.daysAgo(9))
            #expect(answers["intro"] == nil)
        }
    }
}
