import Foundation
import FormrunnerCore
import Hummingbird

extension Portal {
    /// A whole page: the header (desk name, language switch, who is signed in), a one-time message,
    /// and `body`, in the visit's language.
    func page(_ visit: inout Visit, title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        var header = "<header><a class=\"desk\" href=\"/\">\(HTML.escape(settings.deskName))</a>"
        header += "<nav aria-label=\"\(HTML.escape(PageText.language.text(language)))\">"
        for (code, name) in [("en", "English"), ("pt", "Português"), ("es", "Español")] {
            let current = code == language ? " aria-current=\"true\"" : ""
            header += "<a href=\"\(HTML.escape(visit.path))?lang=\(code)\" lang=\"\(code)\" hreflang=\"\(code)\"\(current)>\(name)</a> "
        }
        header += "</nav>"
        if let user = visit.user {
            if user.role != .requester { header += "<a class=\"desk-link\" href=\"/desk\">\(DeskText.desk.text(language))</a> " }
            header += "<div class=\"account\"><span>\(HTML.escape(PageText.signedInAs.text(language, user.name)))</span> "
            header += "<form method=\"post\" action=\"/signout\">\(csrfField(visit))"
            header += "<button type=\"submit\">\(PageText.signOut.text(language))</button></form></div>"
        }
        header += "</header>"
        var banner = ""
        if settings.demo {
            banner = "<p class=\"demo\">\(HTML.escape(PageText.demoBanner.text(language))) <a href=\"/demo/mailbox\">"
                + "\(PageText.demoMailbox.text(language))</a></p>"
        }
        var flash = ""
        if let message = visit.session.flash {
            flash = "<p role=\"\(message.role == "alert" ? "alert" : "status")\" class=\"\(message.role)\">\(HTML.escape(message.text))</p>"
            visit.session.flash = nil
            visit.changed = true
        }
        let html = """
            <!doctype html>
            <html lang="\(language)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) — \(HTML.escape(settings.deskName))</title>
            <link rel="stylesheet" href="/assets/portal.css"><script src="/assets/conditions.js" defer></script></head>
            <body>\(header)\(banner)<main id="main">\(flash)\(body)</main></body></html>
            """
        return Self.html(html, status: status)
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A 303 redirect to a path of this site.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: safePath(path) ?? "/"])
    }

    /// `path` when it is a path of this site (`/…`, not `//host` nor `/\host`), else nil: redirects
    /// after sign-in never lead elsewhere.
    static func safePath(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
              !path.contains(where: { $0.isNewline || $0 == "\\" }) else { return nil }
        return path
    }

    /// The hidden CSRF field every state-changing form carries.
    func csrfField(_ visit: Visit) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(visit.session.csrf))\">"
    }

    /// Sets a one-time message for the next page.
    static func flash(_ visit: inout Visit, _ text: String, alert: Bool = false) {
        visit.session.flash = WebSession.Flash(role: alert ? "alert" : "status", text: text)
        visit.changed = true
    }
}
