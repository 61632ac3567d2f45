import Foundation
import FormrunnerCore
import Hummingbird

extension Portal {
    /// `/desk/report?from=YYYY-MM-DD&to=YYYY-MM-DD&team=T`: the desk manager's report (``ReportPage``)
    /// for agents and admins, behind the same check as the other `/desk` pages (a requester gets 404,
    /// nobody signed in goes to sign-in). Without dates, the current month; a date that is not one, an
    /// empty period or an unknown team is answered 400 with the reason and the form to try again.
    func addDeskReportRoute(to router: Router<PortalContext>) {
        router.get("/desk/report") { request, context in
            try await handle(request, context) { visit in
                guard try staff(visit) != nil else { return Self.redirect("/signin?next=/desk/report") }
                let query = request.uri.queryParameters
                func value(_ name: String) -> String? {
                    query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                }
                do {
                    let report = try await services.desk.report(ReportRequest(
                        from: try value("from").map { try ReportRequest.date($0, option: "--from") },
                        to: try value("to").map { try ReportRequest.date($0, option: "--to") },
                        team: value("team"), now: services.ticketClock()))
                    return page(&visit, title: DeskText.report.text(visit.language),
                                body: ReportPage(report: report, catalog: services.catalog, language: visit.language).html)
                } catch let failure as ReportFailure {
                    let language = visit.language
                    let message = Self.fullStop(failure.description.replacingOccurrences(of: "--from", with: DeskText.from.text(language))
                        .replacingOccurrences(of: "--to", with: DeskText.to.text(language)))
                    let body = "<h1>\(DeskText.report.text(language))</h1><p role=\"alert\" class=\"alert\">\(HTML.escape(message))</p>"
                        + "<p><a href=\"/desk/report\">\(DeskText.thisMonth.text(language))</a></p>"
                    return page(&visit, title: DeskText.report.text(language), body: body, status: .badRequest)
                }
            }
        }
    }
}
