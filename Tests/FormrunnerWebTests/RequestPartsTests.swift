import FormrunnerCore
import Foundation
@testable import FormrunnerWeb
import Hummingbird
import Logging
import Testing

@Suite("The small parts every request goes through: cookies, page texts, the log line")
struct RequestPartsTests {
    @Test("a cookie's value is read from a Cookie header among others, with spaces and quotes")
    func cookieFromHeader() {
        let header = "theme=dark; formrunner_session=abc-DEF_123;formrunner_state=\"t1\" ; empty="
        #expect(CookieHeader.value("formrunner_session", in: header) == "abc-DEF_123")
        #expect(CookieHeader.value("formrunner_state", in: header) == "t1")
        #expect(CookieHeader.value("theme", in: header) == "dark")
        #expect(CookieHeader.value("empty", in: header) == "")
    }

    @Test("a cookie whose name only starts or ends like the wanted one is not taken for it")
    func cookieNamesMatchWhole() {
        #expect(CookieHeader.value("formrunner_session", in: "formrunner_session_old=1; xformrunner_session=2") == nil)
        #expect(CookieHeader.value("formrunner_session", in: "") == nil)
        #expect(CookieHeader.value("formrunner_session", in: ";;formrunner_session") == nil)
        #expect(CookieHeader.value("a", in: "a=1; a=2") == "1")
        #expect(CookieHeader.value("", in: "=1; a=2") == nil)
        #expect(CookieHeader.value("a", in: "a==1") == "=1")
        #expect(CookieHeader.value("a", in: "b=a=1; a=\"\"") == "")
        #expect(CookieHeader.value("a", in: "a=\"x") == "\"x")
        #expect(CookieHeader.value("café", in: "café=crème brûlée ") == "crème brûlée")
        #expect(CookieHeader.value("a", in: "a") == nil)
    }

    @Test("a page text's %1 and %2 are filled in one pass: a value holding %2 is not filled again")
    func placeholdersFilledOnce() {
        #expect(PlaceholderText.fill("Signed in as %1 (%2)", with: ["Ana %2", "pt"]) == "Signed in as Ana %2 (pt)")
        #expect(PlaceholderText.fill("100% of %1", with: ["tickets"]) == "100% of tickets")
        #expect(PlaceholderText.fill("%3 stays, %", with: ["a"]) == "%3 stays, %")
        #expect(PlaceholderText.fill("%10 and %0 and %%1", with: ["a"]) == "a0 and %0 and %a")
        #expect(PlaceholderText.fill("Olá, %1 — ação n.º %2", with: ["Zoë", "ñ"]) == "Olá, Zoë — ação n.º ñ")
        #expect(PlaceholderText.fill("", with: ["a"]) == "")
        #expect(PlaceholderText.fill("%1%2", with: ["x", "y"]) == "xy")
        #expect(PageText.signedInAs.text("pt", "Ana") == PageText.signedInAs.text("pt").replacingOccurrences(of: "%1", with: "Ana"))
    }

    @Test("the server's log line has the stream handler's layout: time, level, label, sorted metadata, source, message")
    func logLineLayout() throws {
        let pipe = Pipe()
        var handler = LineLogHandler(label: "formrunner.web", descriptor: pipe.fileHandleForWriting.fileDescriptor)
        handler[metadataKey: "z"] = "last"
        let event = LogEvent(level: .info, message: "request", metadata: ["path": "/flows/x", "method": "GET"],
                             source: "FormrunnerWeb", file: #fileID, function: #function, line: #line)
        handler.log(event: event)
        try pipe.fileHandleForWriting.close()
        let line = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let pattern = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 info formrunner\.web: method=GET path=/flows/x z=last \[FormrunnerWeb\] request\n$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test("an access line written directly is the line the logger writes; a handler with metadata of its own, or above info, refuses it")
    func directAccessLine() throws {
        func written(_ write: (LineLogHandler) -> Void, handler change: (inout LineLogHandler) -> Void = { _ in }) throws -> String {
            let pipe = Pipe()
            var handler = LineLogHandler(label: "formrunner.web", descriptor: pipe.fileHandleForWriting.fileDescriptor)
            change(&handler)
            write(handler)
            try pipe.fileHandleForWriting.close()
            // Without the time, which may turn between two lines.
            return String(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).drop { $0 != " " })
        }
        let pairs = [("method", "GET"), ("ms", "0.4"), ("path", "/flows/x"), ("request_id", "r1"), ("status", "200")]
        let direct = try written { #expect($0.writeDirectly(level: .info, sortedPairs: pairs, source: "FormrunnerWeb", message: "request")) }
        let logged = try written {
            $0.log(event: LogEvent(level: .info, message: "request", metadata: .init(uniqueKeysWithValues: pairs.map { ($0.0, .string($0.1)) }),
                                   source: "FormrunnerWeb", file: #fileID, function: #function, line: #line))
        }
        #expect(direct == " info formrunner.web: method=GET ms=0.4 path=/flows/x request_id=r1 status=200 [FormrunnerWeb] request\n")
        #expect(direct == logged)
        let withMetadata = try written({ #expect(!$0.writeDirectly(level: .info, sortedPairs: pairs, source: "S", message: "m")) },
                                       handler: { $0[metadataKey: "z"] = "last" })
        #expect(withMetadata.isEmpty)
        let quiet = try written({ #expect(!$0.writeDirectly(level: .info, sortedPairs: pairs, source: "S", message: "m")) },
                                handler: { $0.logLevel = .warning })
        #expect(quiet.isEmpty)
    }

    @Test("a page's frame: the language switch links the page's own path in each language, the current one marked")
    func pageFrame() {
        let frame = PageFrame(deskName: "Help & Co", language: "pt")
        #expect(frame.head.hasPrefix("<!doctype html>\n<html lang=\"pt\">"))
        #expect(frame.head.hasSuffix("<title>"))
        #expect(frame.header.hasPrefix(" — Help &amp; Co</title>"))
        #expect(frame.header.hasSuffix("<nav aria-label=\"\(PageText.language.text("pt"))\">"))
        let path = "/flows/x"
        var links = frame.links[0]
        for piece in frame.links.dropFirst() { links += path + piece }
        #expect(links == "<a href=\"/flows/x?lang=en\" lang=\"en\" hreflang=\"en\">English</a> "
            + "<a href=\"/flows/x?lang=pt\" lang=\"pt\" hreflang=\"pt\" aria-current=\"true\">Português</a> "
            + "<a href=\"/flows/x?lang=es\" lang=\"es\" hreflang=\"es\">Español</a> </nav>")
        #expect(PageFrame.Set(deskName: "Help")["de"].head.contains("lang=\"de\""))
    }
}
