import Foundation
import FormrunnerAuth
import FormrunnerCore
import Hummingbird

extension Portal {
    /// The satisfaction survey: the link of the Solved e-mail (a signed token naming the ticket and
    /// the survey round) opens the catalog's survey form without signing in; it is answered once,
    /// while pending (27 working hours after the ticket was solved). A token that does not verify is 404.
    func addSurveyRoutes(to router: Router<PortalContext>) {
        router.get("/survey/:token") { request, context in
            try await handle(request, context) { visit in
                let survey = try await openSurvey(context.parameters.get("token"))
                return surveyPage(&visit, survey, input: FieldInput())
            }
        }
        router.post("/survey/:token") { request, context in
            try await handle(request, context) { visit in
                let survey = try await openSurvey(context.parameters.get("token"))
                let body = try await readForm(request, context: context, visit: visit)
                let raw = rawAnswers(body, form: survey.form)
                do {
                    _ = try await services.desk.answerSurvey(survey.ticket.number, round: survey.round, answers: raw, at: services.ticketClock())
                } catch TicketDesk.Failure.invalidAnswers(let problems) {
                    var input = FieldInput()
                    input.values = body.values
                    for problem in problems.problems where input.errors[problem.field] == nil {
                        input.errors[problem.field] = problem.message
                    }
                    return surveyPage(&visit, survey, input: input, status: .unprocessableContent)
                } catch let failure as SurveyFailure {
                    return surveyMessage(&visit, Self.sentence(failure.description), role: "alert", status: .conflict)
                }
                return surveyMessage(&visit, PageText.surveyThanks.text(visit.language), role: "status")
            }
        }
    }

    /// A survey a token opens: the ticket, the round, the form and where it stands.
    struct OpenSurvey {
        var ticket: Ticket
        var round: Int
        var form: FormDefinition
        var status: SurveyStatus
    }

    private func openSurvey(_ token: String?) async throws -> OpenSurvey {
        guard let key = settings.surveyKey, let token, token.count < 200,
              let (number, round) = SurveyToken.verify(token, key: key),
              let ticket = try await services.desk.store.ticket(number),
              let survey = services.catalog.lifecycles[ticket.lifecycleID]?.survey,
              let form = services.catalog.forms[survey.form.id] else { throw PortalRefusal.notFound }
        let status = services.desk.surveyStatus(of: ticket, history: try await services.desk.store.history(number), at: services.ticketClock())
        guard round >= 1, round <= status.round else { throw PortalRefusal.notFound }
        return OpenSurvey(ticket: ticket, round: round, form: form, status: status)
    }

    private func surveyPage(_ visit: inout Visit, _ survey: OpenSurvey, input: FieldInput,
                            status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        if survey.round < survey.status.round || survey.status.state == .expired {
            return surveyMessage(&visit, PageText.surveyExpired.text(language), role: "status")
        }
        if survey.status.state == .evaluated {
            return surveyMessage(&visit, PageText.surveyAlreadyAnswered.text(language), role: "status")
        }
        let renderer = FieldRenderer(language: language)
        var body = "<h1>\(PageText.surveyTitle.text(language))</h1>"
        body += "<p>#\(survey.ticket.number) \(HTML.escape(survey.ticket.title))</p>"
        if let description = survey.form.description?.text(in: language) { body += "<p class=\"lead\">\(HTML.escape(description))</p>" }
        body += FlowPages.summary(input.errors.count, language: language)
        body += "<form method=\"post\">\(csrfField(visit))"
        for field in survey.form.fields {
            body += renderer.render(field, values: input.values[field.id] ?? [], error: input.errors[field.id], shown: true)
        }
        body += "<button type=\"submit\">\(PageText.send.text(language))</button></form>"
        return page(&visit, title: PageText.surveyTitle.text(language), body: body, status: status)
    }

    private func surveyMessage(_ visit: inout Visit, _ text: String, role: String,
                               status: HTTPResponse.Status = .ok) -> Response {
        let body = "<h1>\(PageText.surveyTitle.text(visit.language))</h1><p role=\"\(role)\">\(HTML.escape(text))</p>"
        return page(&visit, title: PageText.surveyTitle.text(visit.language), body: body, status: status)
    }
}
