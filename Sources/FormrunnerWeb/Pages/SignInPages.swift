import FormrunnerCore

/// The sign-in pages' bodies.
enum SignInPages {
    private static func nextField(_ next: String) -> String {
        "<input type=\"hidden\" name=\"next\" value=\"\(HTML.escape(next))\">"
    }

    /// The choice of method.
    static func methods(_ methods: [StepDefinition.Authentication.Method], next: String, csrf: String, language: String) -> String {
        var html = "<h1>\(PageText.signIn.text(language))</h1><form method=\"post\" action=\"/signin\">\(csrf)\(nextField(next))"
        html += "<fieldset><legend>\(PageText.howSignIn.text(language))</legend>"
        for (index, method) in methods.enumerated() {
            let id = "method-\(method.rawValue)"
            let label: PageText = switch method {
            case .emailToken: .codeByEmail
            case .password: .emailAndPassword
            case .google: .google
            }
            html += "<div class=\"option\"><input type=\"radio\" name=\"method\" id=\"\(id)\" value=\"\(method.rawValue)\"\(index == 0 ? " checked" : "")>"
            html += "<label for=\"\(id)\">\(label.text(language))</label></div>"
        }
        html += "</fieldset><button type=\"submit\">\(PageText.continueButton.text(language))</button></form>"
        return html
    }

    /// The e-mail address to send a code to.
    static func email(next: String, csrf: String, language: String) -> String {
        "<h1>\(PageText.signIn.text(language))</h1><form method=\"post\" action=\"/signin/email\">\(csrf)\(nextField(next))"
            + "<div class=\"field\"><label for=\"email\">\(PageText.email.text(language))</label>"
            + "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required></div>"
            + "<button type=\"submit\">\(PageText.sendCode.text(language))</button></form>"
    }

    /// The code sent to `email`.
    static func code(email: String, next: String, csrf: String, language: String) -> String {
        "<h1>\(PageText.signIn.text(language))</h1><form method=\"post\" action=\"/signin/code\">\(csrf)\(nextField(next))"
            + "<div class=\"field\"><label for=\"code\">\(PageText.code.text(language))</label>"
            + "<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" autofocus></div>"
            + "<button type=\"submit\" name=\"_action\" value=\"verify\">\(PageText.signInButton.text(language))</button> "
            + "<button type=\"submit\" name=\"_action\" value=\"resend\" class=\"secondary\">\(PageText.sendNewCode.text(language))</button></form>"
    }

    /// E-mail and password.
    static func password(next: String, csrf: String, language: String) -> String {
        "<h1>\(PageText.signIn.text(language))</h1><form method=\"post\" action=\"/signin/password\">\(csrf)\(nextField(next))"
            + "<div class=\"field\"><label for=\"email\">\(PageText.email.text(language))</label>"
            + "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required></div>"
            + "<div class=\"field\"><label for=\"password\">\(PageText.password.text(language))</label>"
            + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required></div>"
            + "<button type=\"submit\">\(PageText.signInButton.text(language))</button></form>"
    }

    /// The second factor: its choice when there are two, then its code.
    static func secondFactor(_ pending: WebSession.PendingSecondFactor, next: String, csrf: String, language: String) -> String {
        var html = "<h1>\(PageText.signIn.text(language))</h1><form method=\"post\" action=\"/signin/second-factor\">\(csrf)\(nextField(next))"
        guard let chosen = pending.chosen else {
            html += "<fieldset><legend>\(PageText.secondStep.text(language))</legend>"
            for (index, factor) in pending.factors.enumerated() {
                let label = factor == "sms" ? PageText.smsCode : PageText.authenticatorCode
                html += "<div class=\"option\"><input type=\"radio\" name=\"factor\" id=\"factor-\(factor)\" value=\"\(HTML.escape(factor))\""
                html += "\(index == 0 ? " checked" : "")><label for=\"factor-\(factor)\">\(label.text(language))</label></div>"
            }
            return html + "</fieldset><button type=\"submit\">\(PageText.continueButton.text(language))</button></form>"
        }
        html += "<div class=\"field\"><label for=\"code\">\(PageText.code.text(language))</label>"
        html += "<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" autofocus></div>"
        html += "<button type=\"submit\" name=\"_action\" value=\"verify\">\(PageText.signInButton.text(language))</button>"
        if chosen == "sms" {
            html += " <button type=\"submit\" name=\"_action\" value=\"resend\" class=\"secondary\">\(PageText.sendNewCode.text(language))</button>"
        }
        return html + "</form>"
    }
}
