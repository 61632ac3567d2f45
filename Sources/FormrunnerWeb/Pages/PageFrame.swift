import FormrunnerCore

/// The fixed text of every page's frame in one language, made once per portal: the head up to the
/// title, the header between the title and the language switch, and the switch's links around the
/// page's path. A page then writes a handful of long pieces instead of some sixty short ones.
struct PageFrame: Sendable {
    /// `<!doctype html>` … `<title>`.
    let head: String
    /// ` — Desk</title>` … `<nav aria-label="…">`.
    let header: String
    /// The language links, split where the page's path goes (one more piece than links); the
    /// last ends with `</nav>`.
    let links: [String]

    /// The languages the switch offers, each named in itself.
    static let languageNames = [("en", "English"), ("pt", "Português"), ("es", "Español")]

    /// The frame of a desk called `deskName` in `language`.
    init(deskName: String, language: String) {
        let desk = HTML.escape(deskName)
        head = "<!doctype html>\n<html lang=\"" + HTML.escape(language)
            + "\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        header = " — " + desk
            + "</title>\n<link rel=\"stylesheet\" href=\"/assets/portal.css\"><script src=\"/assets/conditions.js\" defer></script></head>\n<body>"
            + "<header><a class=\"desk\" href=\"/\">" + desk + "</a><nav aria-label=\""
            + HTML.escape(PageText.language.text(language)) + "\">"
        var links = [String](), piece = ""
        for (code, name) in Self.languageNames {
            piece += "<a href=\""
            links.append(piece)
            piece = "?lang=" + code + "\" lang=\"" + code + "\" hreflang=\"" + code
                + (code == language ? "\" aria-current=\"true\">" : "\">") + name + "</a> "
        }
        links.append(piece + "</nav>")
        self.links = links
    }

    /// The frames of one desk in the portal's languages, made once; any other language's frame is
    /// made when asked.
    struct Set: Sendable {
        private let frames: [String: PageFrame]
        private let deskName: String

        init(deskName: String) {
            self.deskName = deskName
            frames = Dictionary(uniqueKeysWithValues: Visit.languages.map { ($0, PageFrame(deskName: deskName, language: $0)) })
        }

        subscript(language: String) -> PageFrame {
            frames[language] ?? PageFrame(deskName: deskName, language: language)
        }
    }
}
