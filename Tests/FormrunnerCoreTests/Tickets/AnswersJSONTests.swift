import Foundation
@testable import FormrunnerCore
import Testing

/// `AnswersJSON` writes the bytes `JSONEncoder` writes: stored answers and submission digests must
/// not change with it.
@Suite("Answers JSON without JSONEncoder")
struct AnswersJSONTests {
    /// Every ASCII control character, quotes, slashes, backslashes, non-ASCII letters, an emoji,
    /// a line separator and a combining accent.
    static let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\"quoted\" back\\slash a/b </script> São Paulo e\u{301} 日本 👩‍💻 \u{2028} \u{7F} end"

    static let samples: [[String: AnswerValue]] = [
        [:],
        ["title": .text("Printer jam"), "impact": .choice("critical")],
        ["description": .text(awkward), "z": .text(""), "a": .boolean(true), "b": .boolean(false)],
        ["modules": .choices(["billing", "a/b", awkward]), "none": .choices([])],
        ["lines": .items([["item": .text("one/1"), "kind": .choice("x")], [:], ["flag": .boolean(false)]]), "empty": .items([])],
        // Keys sorted by their bytes: upper case before lower case, accents after ASCII.
        ["b": .text("2"), "B": .text("1"), "é": .text("3"), "e": .text("4"), "_": .text("5"), "10": .text("6"), "9": .text("7")],
    ]

    @Test("the same bytes as JSONEncoder with sorted keys, with and without escaped slashes", arguments: samples)
    func sameBytes(answers: [String: AnswerValue]) throws {
        for escaping in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = escaping ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode(answers), as: UTF8.self)
            #expect(AnswersJSON.encode(answers, escapingSlashes: escaping) == expected)
        }
    }

    @Test("numbers, dates and files are left to JSONEncoder, also inside a group")
    func otherKinds() throws {
        let file = AttachmentRef(name: "a.pdf", size: 3, mediaType: "application/pdf", sha256: String(repeating: "a", count: 64))
        for value in [AnswerValue.number(1.5), .date(try #require(LocalDate(iso: "2026-01-31"))), .files([file]),
                      .items([["amount": .number(3)]])] {
            #expect(AnswersJSON.encode(["title": .text("x"), "value": value], escapingSlashes: false) == nil)
        }
    }

    @Test("stored answers read back as they were, whichever encoder wrote them")
    func roundTrip() throws {
        for answers in Self.samples + [["amount": .number(0.1), "title": .text("a/b")]] {
            #expect(try StoredAnswers.decode(StoredAnswers.encode(answers)) == answers)
        }
    }
}
