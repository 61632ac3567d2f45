import Foundation
import FormrunnerCore
import HTTPTypes
import Hummingbird

extension Portal {
    /// A whole page: the header (desk name, language switch, who is signed in), a one-time message,
    /// and `body`, in the visit's language.
    func page(_ visit: inout Visit, title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        // The response's own bytes, written once: no page-sized string copied into them.
        var html = ByteBuffer()
        html.reserveCapacity(body.utf8.count + 2048)
        let frame = frames[language]
        html.writeString(frame.head)
        html.writeString(HTML.escape(title))
        html.writeString(frame.header)
        let path = HTML.escape(visit.path)
        for index in frame.links.indices {
            if index > 0 { html.writeString(path) }
            html.writeString(frame.links[index])
        }
        if let user = visit.user {
            if user.role != .requester {
                html.writeString("<a class=\"desk-link\" href=\"/desk\">")
                html.writeString(DeskText.desk.text(language))
                html.writeString("</a> ")
            }
            html.writeString("<div class=\"account\"><span>")
            html.writeString(HTML.escape(PageText.signedInAs.text(language, user.name)))
            html.writeString("</span> <form method=\"post\" action=\"/signout\">")
            html.writeString(csrfField(visit))
            html.writeString("<button type=\"submit\">")
            html.writeString(PageText.signOut.text(language))
            html.writeString("</button></form></div>")
        }
        html.writeString("</header>")
        if settings.demo {
            html.writeString("<p class=\"demo\">")
            html.writeString(HTML.escape(PageText.demoBanner.text(language)))
            html.writeString(" <a href=\"/demo/mailbox\">")
            html.writeString(PageText.demoMailbox.text(language))
            html.writeString("</a></p>")
        }
        html.writeString("<main id=\"main\">")
        if let message = visit.session.flash {
            html.writeString(message.role == "alert" ? "<p role=\"alert\" class=\"" : "<p role=\"status\" class=\"")
            html.writeString(message.role)
            html.writeString("\">")
            html.writeString(HTML.escape(message.text))
            html.writeString("</p>")
            visit.session.flash = nil
            visit.changed = true
        }
        html.writeString(body)
        html.writeString("</main></body></html>")
        return Response(status: status, headers: HTTPFields([Self.htmlContentType]), body: .init(byteBuffer: html))
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: HTTPFields([htmlContentType]), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Made and checked once, not on every page.
    static let htmlContentType = HTTPField(name: .contentType, value: "text/html; charset=utf-8")

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
