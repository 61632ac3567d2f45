import HTTPTypes
import Hummingbird
import Logging

/// What every request passes through, in one middleware (three of them cost a hop and a frame
/// each on every page):
///
/// - **the not-found page**: Hummingbird's bare 404 for an unknown path becomes the portal's own
///   page, in the visitor's language, with a way back home;
/// - **the security headers** every answer carries: a Content Security Policy that allows this
///   site's own scripts and styles only (no inline script), no MIME sniffing, no framing, no
///   referrer to other sites, and no caching of pages that show a person's tickets;
/// - **the access log**: one structured line per request (method, path without the query, status,
///   duration, request id); bodies, answers, codes and cookies are never logged.
struct PortalEdge: RouterMiddleware {
    let portal: Portal
    let logger: Logger
    /// The server's own line handler, when the logger has one: access lines go to it directly.
    private let lines: LineLogHandler?

    init(portal: Portal, logger: Logger) {
        self.portal = portal
        self.logger = logger
        lines = logger.handler as? LineLogHandler
    }

    /// The Content Security Policy of every page that does not set its own.
    static var policy: String { securityPolicy }

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer { log(request, context: context, status: status, since: start) }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = try await portal.handle(request, context) { visit in portal.errorPage(&visit, .notFound) }
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
        status = response.status.code
        Self.secure(&response.headers)
        return response
    }

    /// Adds the security headers; a page that needs another policy (Google's sign-in button) or
    /// caching (the style sheet) sets its own.
    static func secure(_ headers: inout HTTPFields) {
        headers.reserveCapacity(headers.count + 5)
        if !headers.contains(.contentSecurityPolicy) { headers.append(securityFields.policy) }
        for field in securityFields.always {
            if headers.contains(field.name) { headers[field.name] = field.value } else { headers.append(field) }
        }
        if !headers.contains(.cacheControl) { headers.append(securityFields.noStore) }
    }

    private func log(_ request: Request, context: PortalContext, status: Int, since start: ContinuousClock.Instant) {
        // An access line is at `info`: nothing to build when that level is not written.
        guard logger.logLevel <= .info else { return }
        let elapsed = ContinuousClock.now - start
        // Tenths of a millisecond, written without `String(format:)` (a few per cent of a page's CPU).
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        let method = request.method.rawValue, path = Self.loggedPath(request.uri.path), milliseconds = "\(tenths / 10).\(tenths % 10)"
        // Sorted by key, as the handler writes metadata.
        let pairs = [("method", method), ("ms", milliseconds), ("path", path), ("request_id", context.id), ("status", String(status))]
        if lines?.writeDirectly(level: .info, sortedPairs: pairs, source: "FormrunnerWeb", message: "request") == true { return }
        logger.info("request", metadata: [
            "request_id": .string(context.id), "method": .string(method), "path": .string(path), "status": .string(String(status)),
            "ms": .string(milliseconds),
        ])
    }

    /// The path with survey tokens hidden: a token in a log would let a reader answer the survey.
    static func loggedPath(_ path: String) -> String {
        path.hasPrefix("/survey/") ? "/survey/…" : path
    }
}

// Made once, not on every response.
private let securityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"
// Made and checked once: a field made from a name and a value checks every byte of the value.
private let securityFields = (
    policy: HTTPField(name: .contentSecurityPolicy, value: securityPolicy),
    always: [HTTPField(name: .xContentTypeOptions, value: "nosniff"), HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
             HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "same-origin")],
    noStore: HTTPField(name: .cacheControl, value: "no-store")
)
