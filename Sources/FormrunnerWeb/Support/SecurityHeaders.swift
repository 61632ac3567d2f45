import HTTPTypes
import Hummingbird

/// Adds the headers every answer carries: a Content Security Policy that allows this site's own
/// scripts and styles only (no inline script), no MIME sniffing, no framing, no referrer to other
/// sites, and no caching of pages that show a person's tickets.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String { securityPolicy }

    static var frameOptions: HTTPField.Name { frameOptionsName }
    static var referrerPolicy: HTTPField.Name { referrerPolicyName }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A page that needs another policy (Google's sign-in button) sets its own.
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

// Made once, not on every response (a generic type cannot hold static stored properties).
private let securityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"
private let frameOptionsName = HTTPField.Name("X-Frame-Options")!
private let referrerPolicyName = HTTPField.Name("Referrer-Policy")!
