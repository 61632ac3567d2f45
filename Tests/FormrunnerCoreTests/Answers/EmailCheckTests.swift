@testable import FormrunnerCore
import Testing

/// `AnswerParser.isEmail` checks ASCII addresses byte by byte: the same answers as its Unicode path.
@Suite("E-mail address check, ASCII shortcut")
struct EmailCheckTests {
    static let addresses = [
        "", "@", "a@", "@b.co", "a@b", "a@b.c", "a@b.co", "user0@example.com", "User.Name+tag@Sub.Example.ORG",
        "a@@b.co", "a@b@c.co", "a b@c.co", "a@b .co", "a\t@b.co", "a@b.co\n", "a@b..co", "a@.b.co", "a@b.co.",
        "a@-b.co", "a@b-.co", "a@b.-co", "a@b.co-", "a@b-c.d-e.fg", "a@b.c-", "<a>@b.co", "a@b.co>", "a(b)@c.co",
        "a@[1.2.3.4]", "a,b@c.co", "a;b@c.co", "a:b@c.co", "a\\b@c.co", "\"a\"@b.co", "a\u{7F}@b.co", "a\u{1}@b.co",
        "~!#$%^&*_=?/{}|`'@x-y.z0", "a@b.co.uk", "a.@b.co", ".a@b.co", "a@b.c.d.e.f.gh", "-@-.--",
        String(repeating: "l", count: 64) + "@b.co", String(repeating: "l", count: 65) + "@b.co",
        "a@" + String(repeating: "d", count: 248) + ".co", "a@" + String(repeating: "d", count: 249) + ".co",
    ]

    @Test("the same as the Unicode check", arguments: addresses)
    func sameAsUnicode(address: String) {
        #expect(AnswerParser.asciiIsEmail(address) == AnswerParser.unicodeIsEmail(address))
        #expect(AnswerParser.isEmail(address) == AnswerParser.unicodeIsEmail(address))
    }

    @Test("the same on generated ASCII texts")
    func sameOnGeneratedTexts() {
        // Short texts over the characters that matter: letters, '@', '.', '-', a space, a forbidden one.
        let alphabet = Array("ab@.-_ :\u{7F}")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(next() % 12) { text.append(alphabet[next() % alphabet.count]) }
            #expect(AnswerParser.asciiIsEmail(text) == AnswerParser.unicodeIsEmail(text), "\(text.debugDescription)")
        }
    }

    @Test("text that is not all ASCII takes the Unicode path")
    func notASCII() {
        #expect(AnswerParser.asciiIsEmail("josé@exemplo.com.br") == nil)
        #expect(AnswerParser.isEmail("josé@exemplo.com.br"))
        #expect(!AnswerParser.isEmail("a\u{2028}b@c.co"))
        #expect(!AnswerParser.isEmail("a@b\u{85}.co"))
    }
}
