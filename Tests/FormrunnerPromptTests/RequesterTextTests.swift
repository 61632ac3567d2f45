import Foundation
import FormrunnerCore
@testable import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("The prompts' own words in en, pt and es")
    struct RequesterTextTests {
        @Test("every text has an English, a Portuguese and a Spanish version with the same placeholders")
        func complete() {
            for text in RequesterText.allCases {
                let entry = RequesterText.table[text]
                #expect(entry != nil, "\(text)")
                guard let entry else { continue }
                for version in [entry.en, entry.pt, entry.es] { #expect(!version.isEmpty, "\(text)") }
                let placeholders = { (text: String) in (1...4).filter { text.contains("%\($0)") } }
                #expect(placeholders(entry.pt) == placeholders(entry.en), "\(text) pt")
                #expect(placeholders(entry.es) == placeholders(entry.en), "\(text) es")
            }
        }

        @Test("a line prompter in Portuguese hints and refuses in Portuguese, and accepts sim")
        func linePrompterInPortuguese() {
            let run = ScriptedLines.run("talvez\nsim\n") { prompter throws(PromptInterruption) in
                prompter.language = "pt"
                return try prompter.askYesNo("Já foi pago?", help: nil, default: nil, skippable: true)
            }
            #expect(run.result == .success(true))
            #expect(run.output.contains("(opcional: pressione Enter para pular)"))
            #expect(run.output.contains("error: responda sim ou não"))
        }

        @Test("a multiline answer's summary counts its other lines in the requester's language")
        func multilineSummary() {
            #expect(TerminalPrompter.summary(ofMultiline: "Explique o objetivo:\nPagar\n", language: "pt") == "Explique o objetivo: (+2 linhas)")
            #expect(TerminalPrompter.summary(ofMultiline: "uno\ndos", language: "es") == "uno (+1 líneas)")
            #expect(TerminalPrompter.summary(ofMultiline: "one\ntwo", language: "en") == "one (+1 lines)")
            #expect(TerminalPrompter.summary(ofMultiline: "one", language: "pt") == "one")
        }

        @Test("the form asker's review speaks the asker's language: labels, options, yes and no")
        func reviewInSpanish() throws {
            let form = FormDefinition.sample
            let run = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter, language: "es").review(form, answers: ["paid": .boolean(true)], sendLabel: "Enviar")
            }
            #expect(run.result == .success(.send))
            #expect(run.output.contains("Revisión: Pagos"))
            #expect(run.output.contains("¿Ya se pagó?: sí"))
            #expect(run.output.contains("¿Qué quieres hacer?"))
            #expect(run.output.contains("Cambiar una respuesta"))
        }
    }
}

extension FormDefinition {
    /// A one-field form with texts in three languages.
    static var sample: FormDefinition {
        let yaml = """
            form: pay
            version: 1
            title: {en: Payments, pt: Pagamentos, es: Pagos}
            team: financial
            fields:
              - id: paid
                label: {en: Paid?, pt: Já foi pago?, es: ¿Ya se pagó?}
                type: boolean

            """
        let result = CatalogLoader().load(documents: [.init(path: "Forms/pay.yaml", data: Data(yaml.utf8))])
        return result.catalog.forms["pay"]!
    }
}
