import Foundation
import FormrunnerCore
import Testing

/// `languages:` in formrunner.yaml and the warnings about texts and templates missing one.
@Suite("Missing translations")
struct TranslationWarningTests {
    static let form = """
        form: demo.languages
        version: 1
        title: {en: Demo, pt: Demonstração, es: Demostración}
        team: technical
        fields:
          - id: topic
            label: {en: Topic, pt: Assunto}
            help: Say what it is about.
            type: text
          - id: reference
            label: {en: Reference, pt: Referência, es: Referencia}
            placeholder: 05/2025
            type: text

        """

    private func load(configuration: String, templates: [String: String] = [:]) -> CatalogLoader.Result {
        CatalogLoader(root: ".").load(documents: [
            .init(path: "Forms/demo.yaml", data: Data(Self.form.utf8)),
            .init(path: "formrunner.yaml", data: Data(configuration.utf8)),
        ], templates: templates)
    }

    @Test("every text missing a declared language is a warning naming the text, the languages and the declaration")
    func warnsPerText() {
        let result = load(configuration: "languages: [en, pt, es]\n")
        #expect(result.isValid)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.diagnostics.map(\.description) == [
            "Forms/demo.yaml:6:5: warning: the label of field 'topic' has no es translation (formrunner.yaml declares languages: en, pt, es)",
            "Forms/demo.yaml:6:5: warning: the help of field 'topic' has no pt or es translation (formrunner.yaml declares languages: en, pt, es)",
        ])
    }

    @Test("a text without letters (a format example) needs no translation, and only declared languages are asked for")
    func onlyDeclared() {
        let result = load(configuration: "languages: [en, pt]\n")
        #expect(result.diagnostics.map(\.description) == [
            "Forms/demo.yaml:6:5: warning: the help of field 'topic' has no pt translation (formrunner.yaml declares languages: en, pt)",
        ])
    }

    @Test("without languages in formrunner.yaml nothing is checked")
    func undeclared() {
        #expect(load(configuration: "desk: {name: Help}\n").diagnostics.isEmpty)
        #expect(load(configuration: "languages: [en]\n").diagnostics.isEmpty)
    }

    @Test("an e-mail template without a version per declared language is a warning that names the files to add")
    func templates() {
        let result = load(configuration: "languages: [en, pt, es]\n",
                          templates: ["confirmation": "Subject: x\n\ny", "confirmation.pt": "Subject: x\n\ny"])
        #expect(result.diagnostics.map(\.description).contains(
            "Workflows/templates/confirmation.mustache:1:1: warning: e-mail template 'confirmation' has no es version: "
            + "add confirmation.es.mustache (formrunner.yaml declares languages: en, pt, es)"))
    }

    @Test("languages must be supported codes and include en")
    func badLanguages() {
        #expect(load(configuration: "languages: [en, fr]\n").diagnostics.map(\.description) == [
            "formrunner.yaml:1:17: error: unknown language 'fr' in 'languages'; use en, pt, es",
        ])
        #expect(load(configuration: "languages: [pt, es]\n").diagnostics.map(\.description) == [
            "formrunner.yaml:1:12: error: 'languages' must include en, the language every text falls back to",
        ])
        #expect(load(configuration: "languages: pt\n").diagnostics.map(\.description) == [
            "formrunner.yaml:1:12: error: expected a list of languages for 'languages' ([en, pt, es]), found text 'pt'",
        ])
    }
}
