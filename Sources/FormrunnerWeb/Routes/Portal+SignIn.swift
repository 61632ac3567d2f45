import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import Hummingbird

extension Portal {
    /// The sign-in pages: the choice of method, the e-mailed code, the password and its second factor.
    func addSignInRoutes(to router: Router<PortalContext>) {
        router.get("/signin") { request, context in
            try await handle(request, context) { visit in
                let next = Self.next(request)
                if visit.user != nil { return Self.redirect(next) }
                let methods = signInService(for: next).methods
                if methods.count == 1 { return Self.redirect(Self.methodPath(methods[0], next: next)) }
                return page(&visit, title: PageText.signIn.text(visit.language),
                            body: SignInPages.methods(methods, next: next, csrf: csrfField(visit), language: visit.language))
            }
        }
        router.post("/signin") { request, context in
            try await handle(request, context) { visit in
                let form = try await readForm(request, context: context, visit: visit)
                let next = Self.safePath(form.first("next") ?? "/") ?? "/"
                let method = form.first("method").flatMap(StepDefinition.Authentication.Method.init(rawValue:))
                guard let method, signInService(for: next).methods.contains(method) else {
                    return Self.redirect("/signin?next=" + Self.queryEscape(next))
                }
                return Self.redirect(Self.methodPath(method, next: next))
            }
        }
        router.get("/signin/email") { request, context in
            try await handle(request, context) { visit in
                page(&visit, title: PageText.signIn.text(visit.language),
                     body: SignInPages.email(next: Self.next(request), csrf: csrfField(visit), language: visit.language))
            }
        }
        router.post("/signin/email") { request, context in
            try await handle(request, context) { visit in
                let form = try await readForm(request, context: context, visit: visit)
                let next = Self.safePath(form.first("next") ?? "/") ?? "/"
                let email = UserRecord.normalizedEmail(form.first("email") ?? "")
                guard AnswerParser.isEmail(email) else {
                    Self.flash(&visit, Self.sentence("'\(email)' is not an e-mail address"), alert: true)
                    return Self.redirect("/signin/email?next=" + Self.queryEscape(next))
                }
                try await countAttempt(visit, email: email)
                try await requestCode(email, next: next, visit: &visit)
                return Self.redirect("/signin/code?next=" + Self.queryEscape(next))
            }
        }
        router.get("/signin/code") { request, context in
            try await handle(request, context) { visit in
                let next = Self.next(request)
                guard let email = visit.session.pendingEmail else { return Self.redirect("/signin/email?next=" + Self.queryEscape(next)) }
                return page(&visit, title: PageText.signIn.text(visit.language),
                            body: SignInPages.code(email: email, next: next, csrf: csrfField(visit), language: visit.language))
            }
        }
        router.post("/signin/code") { request, context in
            try await handle(request, context) { visit in
                let form = try await readForm(request, context: context, visit: visit)
                let next = Self.safePath(form.first("next") ?? "/") ?? "/"
                guard let email = visit.session.pendingEmail else { return Self.redirect("/signin/email?next=" + Self.queryEscape(next)) }
                try await countAttempt(visit, email: email)
                if form.first("_action") == "resend" {
                    try await requestCode(email, next: next, visit: &visit)
                    return Self.redirect("/signin/code?next=" + Self.queryEscape(next))
                }
                let user: UserRecord
                do {
                    user = try await signInService(for: next, source: visit.client).signIn(email: email, code: form.first("code") ?? "")
                } catch let error as AuthenticationFailure {
                    Self.flash(&visit, Self.sentence(error.message + Self.newCodeHint(error)), alert: true)
                    return Self.redirect("/signin/code?next=" + Self.queryEscape(next))
                }
                try await signIn(user, visit: &visit)
                return Self.redirect(next)
            }
        }
        addPasswordRoutes(to: router)
        addGoogleRoutes(to: router)
    }

    /// Asks for a sign-in code for `email` and tells the visitor the same whether it exists or not.
    private func requestCode(_ email: String, next: String, visit: inout Visit) async throws {
        visit.session.pendingEmail = email
        visit.changed = true
        // The e-mail goes out after the answer: a known address must not answer slower than an unknown one.
        let logger = self.logger
        switch try await signInService(for: next).requestEmailCode(to: email, inBackground: !settings.deliverCodesInline, failed: { error in
            logger.error("a sign-in code could not be sent", metadata: ["error": .string(error)])
        }) {
        case .accepted: Self.flash(&visit, PageText.codeOnItsWay.text(visit.language, email))
        case .notSent(let reason): Self.flash(&visit, Self.sentence(reason), alert: true)
        }
    }

    /// A hint after failures that make the current code useless.
    static func newCodeHint(_ failure: AuthenticationFailure) -> String {
        guard case .code(let code) = failure else { return "" }
        switch code {
        case .expired, .locked, .noCode: return " (use “Send a new code”)"
        default: return ""
        }
    }

    /// The sign-in step that applies: that of the flow `next` leads to, else the catalog's first.
    func signInService(for next: String, source: String? = nil) -> SignInService {
        var candidates = interpreters.keys.sorted().compactMap { interpreters[$0] }
        if next.hasPrefix("/flows/"), let id = next.dropFirst("/flows/".count).split(separator: "/").first.map(String.init),
           let interpreter = interpreters[id] {
            candidates.insert(interpreter, at: 0)
        }
        for interpreter in candidates {
            if let step = interpreter.authentication {
                return SignInService(step: step, services: services, source: source)
            }
        }
        return SignInService(step: StepDefinition.Authentication(methods: [.emailToken], secondFactors: []), services: services,
                             source: source)
    }

    /// The `next` query parameter when it is a path of this site, else `/`.
    static func next(_ request: Request) -> String {
        request.uri.queryParameters["next"].flatMap { safePath(String($0)) } ?? "/"
    }

    static func methodPath(_ method: StepDefinition.Authentication.Method, next: String) -> String {
        let page = switch method {
        case .emailToken: "email"
        case .password: "password"
        case .google: "google"
        }
        return "/signin/\(page)?next=" + queryEscape(next)
    }
}
