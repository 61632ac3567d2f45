import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerKnowledge
import Hummingbird

extension Portal {
    /// The assistant step's answers: the guidance page's "Find answers" (`search`) records the
    /// guidance and shows the articles found; the suggestions page asks again (`again`, with other
    /// words), ends the run without a ticket (`answered`) or goes on to a person (`handoff`).
    /// Returns the response, or nil when the step is done (the hand-off).
    func answerAssistant(_ run: inout FlowRun, step: StepDefinition, settings: StepDefinition.Assistant, body: FormBody,
                         visit: inout Visit) async throws -> Response? {
        let action = body.first("_action") ?? ""
        let here = Self.redirect("/flows/\(run.flow.id)?step=\(step.id)")
        // The guidance page posts the guidance; the suggestions page does not, and keeps it.
        if body.first("_view") != "suggestions" {
            var guidance: [String: String] = [:]
            for prompt in settings.guidance { guidance[prompt.id] = body.first("guidance." + prompt.id) ?? "" }
            _ = run.interpreter.recordAssistant(settings, language: body.first("language"), scenario: body.first("scenario"),
                                                guidance: guidance, in: &run.state)
            if settings.languages.contains(where: { $0.id == run.state.language }), visit.session.language != run.state.language {
                visit.session.language = run.state.language
                visit.language = run.state.language
                visit.changed = true
            }
        }
        switch action {
        case "search", "again":
            let question = action == "again" ? body.first("question") ?? "" : run.interpreter.guidanceQuestion(settings, state: run.state)
            let hits = try await run.interpreter.suggest(question, requester: run.user.email, in: &run.state)
            if hits.isEmpty, run.state.assistant == nil { Self.flash(&visit, settings.texts.noMatch.text(in: visit.language)) }
            return here
        case FlowInterpreter.AssistantChoice.answered.rawValue:
            try await run.interpreter.endAssistant(.answered, in: &run.state)
            try await run.interpreter.deleteDraft(for: run.user)
            run.state = FlowState(workflowID: run.flow.id)
            let closing = settings.texts.closing.text(in: visit.language)
            return page(&visit, title: closing,
                        body: "<h1>\(HTML.escape(closing))</h1><p><a href=\"/\">\(PageText.home.text(visit.language))</a></p>")
        default:
            try await run.interpreter.endAssistant(.handoff, in: &run.state)
            return nil
        }
    }

    /// `GET /flows/ID/articles/ARTICLE`: an article the assistant suggested, as a page with the way
    /// back to the suggestions; the session records it as opened.
    func addAssistantRoutes(to router: Router<PortalContext>) {
        router.get("/flows/:flow/articles/:article") { request, context in
            try await handle(request, context) { visit in
                guard var run = try await flowRun(request, context, visit: visit) else { return signInFirst(context) }
                guard let id = context.parameters.get("article"),
                      let step = run.flow.steps.first(where: { if case .assistant = $0.kind { true } else { false } }),
                      case .assistant(let settings) = step.kind,
                      let article = try await run.interpreter.openArticle(id, in: &run.state) else { throw PortalRefusal.notFound }
                try await run.interpreter.saveDraft(run.state, for: run.user)
                let flowID = HTML.escape(run.flow.id)
                let back = "<p><a href=\"/flows/\(flowID)?step=\(HTML.escape(step.id))\">"
                    + "\(HTML.escape(settings.texts.back.text(in: visit.language)))</a></p>"
                let html = MarkdownText.html(article.body) { "/flows/\(run.flow.id)/articles/\($0)" }
                return page(&visit, title: article.title,
                            body: back + "<article lang=\"\(HTML.escape(article.language))\"><h1>\(HTML.escape(article.title))</h1>"
                                + html + "</article>" + back)
            }
        }
    }
}
