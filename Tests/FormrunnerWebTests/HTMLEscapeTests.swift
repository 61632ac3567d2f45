import Foundation
import Testing
@testable import FormrunnerWeb

/// Every text put into a page goes through `HTML.escape`: markup characters become entities,
/// control characters other than line breaks and tabs are dropped, and the rest is kept as it is.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    @Test("markup characters become entities, wherever they are in the text", arguments: [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("Tom & \"Jerry\"", "Tom &amp; &quot;Jerry&quot;"),
        (String(repeating: "a", count: 500) + "<", String(repeating: "a", count: 500) + "&lt;"),
        ("Ação — “aspas” & ünïcødé", "Ação — “aspas” &amp; ünïcødé"),
    ])
    func entities(text: String, escaped: String) {
        #expect(HTML.escape(text) == escaped)
    }

    @Test("control characters are dropped; line breaks and tabs stay")
    func controlCharacters() {
        #expect(HTML.escape("a\u{0}b\u{7}c\u{1B}[31m") == "abc[31m")
        #expect(HTML.escape("one\ntwo\r\nthree\tfour") == "one\ntwo\r\nthree\tfour")
    }

    @Test("text with nothing to escape comes back unchanged, native or bridged from Foundation")
    func unchanged() {
        let plain = "Payment receipt for order 1234 — Recibo de pagamento"
        #expect(HTML.escape(plain) == plain)
        let bridged = NSString(string: "Ça va <bien>").substring(from: 0)
        #expect(HTML.escape(bridged) == "Ça va &lt;bien&gt;")
        let slice = String("xx<yy".dropFirst())
        #expect(HTML.escape(slice) == "x&lt;yy")
        #expect(HTML.escape("") == "")
    }
}
