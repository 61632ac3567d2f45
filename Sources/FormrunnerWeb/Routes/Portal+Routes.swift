import Foundation
import FormrunnerCore
import Hummingbird

extension Portal {
    /// Every route of the portal.
    func addRoutes(to router: Router<PortalContext>) {
        router.get("/healthz") { _, _ in
            do {
                _ = try await services.desk.store.count(status: "-")
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
            } catch {
                return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "the ticket store is unavailable\n")))
            }
        }
        router.get("/assets/portal.css") { _, _ in Self.asset(PortalStyle.css, type: "text/css; charset=utf-8") }
        router.get("/assets/conditions.js") { _, _ in Self.asset(ConditionScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/") { request, context in
            try await handle(request, context) { visit in
                page(&visit, title: settings.deskName,
                     body: HomePage.body(services.catalog, deskName: settings.deskName, language: visit.language))
            }
        }
        if settings.demo, let mailbox {
            router.get("/demo/mailbox") { request, context in
                try await handle(request, context) { visit in
                    var body = "<h1>\(PageText.demoMailbox.text(visit.language))</h1>"
                    for message in mailbox.newestFirst {
                        body += "<article><h2>\(HTML.escape(message.subject))</h2><p>→ \(HTML.escape(message.address))</p>"
                            + "<pre>\(HTML.escape(message.body))</pre></article>"
                    }
                    if mailbox.newestFirst.isEmpty { body += "<p>\(PageText.nothingHere.text(visit.language))</p>" }
                    return page(&visit, title: PageText.demoMailbox.text(visit.language), body: body)
                }
            }
        }
        addSignInRoutes(to: router)
        addFlowRoutes(to: router)
        addAssistantRoutes(to: router)
        addHistoryRoutes(to: router)
        addSurveyRoutes(to: router)
        addDeskRoutes(to: router)
        addDeskReportRoute(to: router)
    }

    /// A static asset, cacheable for an hour.
    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
