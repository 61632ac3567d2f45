import Foundation
import FormrunnerAuth
import FormrunnerCore
import Hummingbird

extension Portal {
    /// Google sign-in, when a client id and key set are configured: the Google Identity Services
    /// button posts an ID token back, checked on the server like `run`'s (signature, issuer,
    /// audience, expiry), with Google's own double-submit CSRF token.
    func addGoogleRoutes(to router: Router<PortalContext>) {
        guard let verifier = services.google else { return }
        router.get("/signin/google") { request, context in
            try await handle(request, context) { visit in
                let login = settings.baseURL.appendingPathComponent("signin/google").absoluteString
                let body = "<h1>\(PageText.signIn.text(visit.language))</h1>"
                    + "<div id=\"g_id_onload\"\(HTML.attribute("data-client_id", verifier.clientID))"
                    + HTML.attribute("data-login_uri", login) + " data-ux_mode=\"redirect\" data-auto_prompt=\"false\"></div>"
                    + "<div class=\"g_id_signin\" data-type=\"standard\"></div>"
                    + "<script src=\"https://accounts.google.com/gsi/client\" async></script>"
                var response = page(&visit, title: PageText.google.text(visit.language), body: body)
                response.headers[.contentSecurityPolicy] = PortalEdge.policy
                    .replacingOccurrences(of: "script-src 'self'", with: "script-src 'self' https://accounts.google.com/gsi/client")
                    + "; frame-src https://accounts.google.com/gsi/; connect-src https://accounts.google.com/gsi/"
                    + "; style-src 'self' https://accounts.google.com/gsi/style"
                return response
            }
        }
        router.post("/signin/google") { request, context in
            try await handle(request, context) { visit in
                let buffer = try await request.body.collect(upTo: context.maxUploadSize)
                let form = FormBody.urlEncoded(String(buffer: buffer))
                guard let cookie = request.cookies["g_csrf_token"]?.value, let field = form.first("g_csrf_token"),
                      !cookie.isEmpty, Token.equal(cookie, field) else { throw PortalRefusal.forbidden }
                try await countAttempt(visit, email: nil)
                let user: UserRecord
                do {
                    user = try await signInService(for: "/").signIn(googleIDToken: form.first("credential") ?? "")
                } catch let error as AuthenticationFailure {
                    Self.flash(&visit, Self.sentence(error.message), alert: true)
                    return Self.redirect("/signin")
                }
                try await signIn(user, visit: &visit)
                return Self.redirect("/")
            }
        }
    }
}
