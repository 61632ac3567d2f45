import FormrunnerCore
import Testing

/// The shipped catalog in its three languages, with the desk's own published wording.
@Suite("The shipped catalog in en, pt and es")
struct CatalogTranslationTests {
    static let loaded = CatalogLoader(root: Fixtures.repository).load()
    var catalog: Catalog { Self.loaded.catalog }

    @Test("formrunner.yaml declares en, pt and es")
    func declares() {
        #expect(catalog.configuration?.languages == ["en", "pt", "es"])
    }

    @Test("every label, help, option, status, button and step text is written in en, pt and es")
    func everyText() {
        let texts = catalog.texts
        #expect(texts.count > 300, "the walk found only \(texts.count) texts")
        for item in texts {
            #expect(item.text.missingLanguages(of: ["en", "pt", "es"]).isEmpty, "\(item.location): \(item.what)")
            for language in ["pt", "es"] {
                #expect(!(item.text.translations[language] ?? "").isEmpty, "\(item.location): \(item.what) in \(language)")
            }
        }
        let whats = Set(texts.map(\.what))
        for expected in ["the button of step 'create'", "the handoff of step 'copilot'", "the label of status 'awaiting_reply'",
                         "the label of option 'all_users' of option list 'users-affected'", "the label of event 'solve'",
                         "the continue button of step 'identify'", "the message of step 'support_permission'",
                         "the label of subject 'master_admin_change' of step 'subject'", "the title of form 'survey'"] {
            #expect(whats.contains(expected), "\(expected)")
        }
    }

    @Test("every e-mail template has a Portuguese and a Spanish version")
    func templates() {
        let base = catalog.templates.keys.filter { !$0.contains(".") }
        #expect(base.count >= 9)
        for name in base {
            #expect(catalog.templates["\(name).pt"] != nil, "\(name).pt.mustache")
            #expect(catalog.templates["\(name).es"] != nil, "\(name).es.mustache")
        }
    }

    @Test("the labels the desk publishes in pt and es are used word for word, wherever they appear")
    func seedLabels() {
        let texts = catalog.texts
        for label in SeedTranslations.labels {
            let uses = texts.filter { $0.text.english == label.en }
            #expect(!uses.isEmpty, "'\(label.en)' is not in the catalog")
            for use in uses {
                #expect(use.text.translations["pt"] == label.pt, "\(use.location): \(use.what)")
                #expect(use.text.translations["es"] == label.es, "\(use.location): \(use.what)")
            }
        }
    }

    @Test("the desk's published words that the catalog uses inside longer texts: Ask a question, Request History, satisfaction survey, 27 working hours")
    func seedPhrases() throws {
        let copilot = try #require(catalog.workflows["technical-support"]?.steps.first { $0.id == "copilot" })
        let help = try #require(copilot.help)
        #expect(help.english.hasPrefix("Ask a question. "))
        #expect(help.translations["pt"]?.hasPrefix("Faça uma pergunta. ") == true)
        #expect(help.translations["es"]?.hasPrefix("Hacer una pregunta. ") == true)

        let solved = try #require(catalog.lifecycles["ticket-lifecycle"]?.status("solved")?.description)
        #expect(solved.translations["pt"]?.contains("27 horas úteis") == true)
        #expect(solved.translations["pt"]?.contains("Histórico de solicitações") == true)
        #expect(solved.translations["es"]?.contains("27 horas laborables") == true)
        #expect(solved.translations["es"]?.contains("Historial de solicitudes") == true)

        let survey = try #require(catalog.forms["survey"]?.title)
        #expect(survey.translations["pt"] == "Pesquisa de Satisfação")
        // Published in the middle of a sentence ("encuesta de satisfacción"); a title starts with a capital.
        #expect(survey.translations["es"] == "Encuesta de satisfacción")
        let solvedPT = try #require(catalog.templates["solved.pt"])
        #expect(solvedPT.contains("Pesquisa de Satisfação") && solvedPT.contains("27 horas úteis") && solvedPT.contains("Histórico de solicitações"))
        let solvedES = try #require(catalog.templates["solved.es"])
        #expect(solvedES.contains("encuesta de satisfacción") && solvedES.contains("27 horas laborables") && solvedES.contains("Historial de solicitudes"))
    }

    @Test("the status descriptions are the desk's own pt and es words")
    func statusDescriptions() throws {
        let lifecycle = try #require(catalog.lifecycles["ticket-lifecycle"])
        for (id, words) in SeedTranslations.statusDescriptions {
            let description = try #require(lifecycle.status(id)?.description)
            #expect(description.translations["pt"] == words.pt, "\(id)")
            #expect(description.translations["es"] == words.es, "\(id)")
        }
    }

    @Test("the Portuguese list's fifth commercial subject is not offered: one set of subjects in every language")
    func fifthSubject() throws {
        let flow = try #require(catalog.workflows["commercial-support"])
        let subjects = flow.steps.compactMap { step -> [StepDefinition.SubjectChoice.Subject]? in
            if case .subject(let choice) = step.kind { return choice.subjects }
            return nil
        }.flatMap { $0 }
        #expect(subjects.map { $0.label.text(in: "pt") } == [
            "Criação de Política Comercial", "Criação de Ambiente White Label", "Criação de Ambiente Adicional", "Troca de Master Admin",
        ])
        #expect(!catalog.texts.contains { $0.text.translations.values.contains("Criação de Ambiente Seller") })
    }
}
