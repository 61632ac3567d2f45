import Foundation
import FormrunnerCore
import HTTPTypes
import Hummingbird

extension Portal {
    /// A whole page: the header (desk name, language switch, who is signed in), a one-time message,
    /// and `body`, in the visit's language.
    func page(_ visit: inout Visit, title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let language = visit.language
        // One buffer for the whole page, written once into the response's bytes.
        var html = ""
        html.reserveCapacity(body.utf8.count + 2048)
        let frame = frames[language]
        html += frame.head
        html += HTML.escape(title)
        html += frame.header
        let path = HTML.escape(visit.path)
        for index in frame.links.indices {
            if index > 0 { html += path }
            html += frame.links[index]
        }
        if let user = visit.user {
            if user.role != .requester {
                html += "<a class=\"desk-link\" href=\"/desk\">"
                html += DeskText.desk.text(language)
                html += "</a> "
            }
            html += "<div class=\"account\"><span>"
            html += HTML.escape(PageText.signedInAs.text(language, user.name))
            html += "</span> <form method=\"post\" action=\"/signout\">"
            html += csrfField(visit)
            html += "<button type=\"submit\">"
            html += PageText.signOut.text(language)
            html += "</button></form></div>"
        }
        html += "</header>"
        if settings.demo {
            html += "<p class=\"demo\">"
            html += HTML.escape(PageText.demoBanner.text(language))
            html += " <a href=\"/demo/mailbox\">"
            html += PageText.demoMailbox.text(language)
            html += "</a></p>"
        }
        html += "<main id=\"main\">"
        if let message = visit.session.flash {
            html += message.role == "alert" ? "<p role=\"alert\" class=\"" : "<p role=\"status\" class=\""
            html += message.role
            html += "\">"
            html += HTML.escape(message.text)
            html += "</p>"
            visit.session.flash = nil
            visit.changed = true
        }
        html += body
        html += "</main></body></html>"
        return Self.html(html, status: status)
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: HTTPFields([htmlContentType]), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Made and checked once, not on every page.
    private static let htmlContentType = HTTPField(name: .contentType, value: "text/html; charset=utf-8")

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
