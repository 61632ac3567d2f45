import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import Hummingbird

extension Portal {
    /// Password sign-in and its second factor (authenticator app or SMS code).
    func addPasswordRoutes(to router: Router<PortalContext>) {
        router.get("/signin/password") { request, context in
            try await handle(request, context) { visit in
                page(&visit, title: PageText.signIn.text(visit.language),
                     body: SignInPages.password(next: Self.next(request), csrf: csrfField(visit), language: visit.language))
            }
        }
        router.post("/signin/password") { request, context in
            try await handle(request, context) { visit in
                let form = try await readForm(request, context: context, visit: visit)
                let next = Self.safePath(form.first("next") ?? "/") ?? "/"
                let email = UserRecord.normalizedEmail(form.first("email") ?? "")
                try await countAttempt(visit, email: email)
                do {
                    let user = try await signInService(for: next, source: visit.client)
                        .signIn(email: email, password: form.first("password") ?? "", secondFactor: nil)
                    try await signIn(user, visit: &visit)
                    return Self.redirect(next)
                } catch AuthenticationFailure.secondFactorRequired(let factors) {
                    visit.session.pendingSecondFactor = .init(email: email, factors: factors.map(\.rawValue),
                                                              chosen: factors.count == 1 ? factors[0].rawValue : nil,
                                                              verifiedAt: now)
                    visit.changed = true
                    if factors == [.sms] { try await sendSMS(email, next: next, visit: &visit) }
                    return Self.redirect("/signin/second-factor?next=" + Self.queryEscape(next))
                } catch let failure as AuthenticationFailure {
                    Self.flash(&visit, Self.sentence(failure.message), alert: true)
                    return Self.redirect("/signin/password?next=" + Self.queryEscape(next))
                }
            }
        }
        router.get("/signin/second-factor") { request, context in
            try await handle(request, context) { visit in
                let next = Self.next(request)
                guard let pending = pendingSecondFactor(visit) else { return Self.redirect("/signin/password?next=" + Self.queryEscape(next)) }
                return page(&visit, title: PageText.signIn.text(visit.language),
                            body: SignInPages.secondFactor(pending, next: next, csrf: csrfField(visit), language: visit.language))
            }
        }
        router.post("/signin/second-factor") { request, context in
            try await handle(request, context) { visit in
                let form = try await readForm(request, context: context, visit: visit)
                let next = Self.safePath(form.first("next") ?? "/") ?? "/"
                let back = Self.redirect("/signin/second-factor?next=" + Self.queryEscape(next))
                guard var pending = pendingSecondFactor(visit) else { return Self.redirect("/signin/password?next=" + Self.queryEscape(next)) }
                try await countAttempt(visit, email: pending.email)
                if let factor = form.first("factor"), pending.factors.contains(factor), form.first("_action") != "verify" {
                    pending.chosen = factor
                    visit.session.pendingSecondFactor = pending
                    visit.changed = true
                    if factor == "sms" { try await sendSMS(pending.email, next: next, visit: &visit) }
                    return back
                }
                if form.first("_action") == "resend", pending.chosen == "sms" {
                    try await sendSMS(pending.email, next: next, visit: &visit)
                    return back
                }
                let code = (form.first("code") ?? "").trimmingCharacters(in: .whitespaces)
                let given: SecondFactorCode = pending.chosen == "sms" ? .sms(code) : .totp(code)
                let user: UserRecord
                do {
                    user = try await signInService(for: next, source: visit.client).completeSecondFactor(email: pending.email, code: given)
                } catch let error as AuthenticationFailure {
                    Self.flash(&visit, Self.sentence(error.message + Self.newCodeHint(error)), alert: true)
                    return back
                }
                try await signIn(user, visit: &visit)
                return Self.redirect(next)
            }
        }
        router.post("/signout") { request, context in
            try await handle(request, context) { visit in
                _ = try await readForm(request, context: context, visit: visit)
                try await signOut(visit: &visit)
                return Self.redirect("/")
            }
        }
    }

    /// The session's checked password, while its proof is fresh.
    func pendingSecondFactor(_ visit: Visit) -> WebSession.PendingSecondFactor? {
        guard let pending = visit.session.pendingSecondFactor,
              now.timeIntervalSince(pending.verifiedAt) < settings.sessions.secondFactorWindow else { return nil }
        return pending
    }

    private func sendSMS(_ email: String, next: String, visit: inout Visit) async throws {
        switch try await signInService(for: next).requestSMSCode(verifiedEmail: email) {
        case .accepted(let ending): Self.flash(&visit, PageText.codeSentToPhone.text(visit.language, ending ?? "??"))
        case .notSent(let reason): Self.flash(&visit, Self.sentence(reason), alert: true)
        }
    }
}
