import Foundation
import FormrunnerCore
import Hummingbird

extension Portal {
    /// Runs a page handler with the request's visit: the session is loaded first and written back
    /// after; refusals become error pages (403, 404, 413, 429 with `Retry-After`). A `GET` or `HEAD`
    /// may read sessions, drafts and users from the portal's caches under the browser's state tag;
    /// a request that writes any of them gives the browser a new tag (see ``StateTag``).
    func handle(_ request: Request, _ context: PortalContext,
                _ handler: (inout Visit) async throws -> Response) async throws -> Response {
        let reads = request.method == .get || request.method == .head
        let scope = StateTag(presented: reads ? CookieHeader.value(StateTag.cookieName, in: request) ?? "" : nil)
        var response = try await StateTag.$current.withValue(scope) {
            try await handleVisit(request, context, handler)
        }
        if let tag = scope.newTag {
            response.setCookie(Cookie(name: StateTag.cookieName, value: tag, path: "/",
                                      secure: settings.secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    private func handleVisit(_ request: Request, _ context: PortalContext,
                             _ handler: (inout Visit) async throws -> Response) async throws -> Response {
        var visit = try await visit(request, context)
        let response: Response
        do {
            response = try await handler(&visit)
        } catch let refusal as PortalRefusal {
            var page = errorPage(&visit, refusal)
            if let seconds = refusal.retryAfter { page.headers[.retryAfter] = String(seconds) }
            response = page
        }
        return try await respond(visit, response)
    }

    /// The page for a refusal: its heading and message in the visit's language.
    func errorPage(_ visit: inout Visit, _ refusal: PortalRefusal) -> Response {
        let language = visit.language
        let title = refusal.status == .notFound ? PageText.notFound.text(language) : "\(refusal.status.code)"
        var text = refusal.message.text(language)
        if let seconds = refusal.retryAfter { text = refusal.message.text(language, String(seconds)) }
        let body = "<h1>\(HTML.escape(title))</h1><p role=\"alert\">\(HTML.escape(text))</p>"
            + "<p><a href=\"/\">\(PageText.home.text(language))</a></p>"
        return page(&visit, title: title, body: body, status: refusal.status)
    }

    /// Counts one sign-in or code attempt for the client and for `email`; too many is 429.
    func countAttempt(_ visit: Visit, email: String?) async throws {
        var keys: [(String, AttemptLimiter.Rule)] = [("client:" + visit.client, AttemptLimiter.Rule(limit: 60, window: 600))]
        if let email { keys.append(("email:" + email.lowercased(), AttemptLimiter.Rule(limit: 10, window: 600))) }
        if let wait = await limiter.attempt(keys, now: now) {
            throw PortalRefusal(status: .tooManyRequests, message: .tooManyRequests, retryAfter: wait)
        }
    }

    /// A text safe inside a query string value.
    static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A message from the engine or the identity layer as a sentence: capital first letter, full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capitalised = first.uppercased() + text.dropFirst()
        return capitalised.hasSuffix(".") || capitalised.hasSuffix("?") ? capitalised : capitalised + "."
    }
}
