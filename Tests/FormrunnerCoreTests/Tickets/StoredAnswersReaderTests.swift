import Foundation
import Testing
@testable import FormrunnerCore

/// Stored answers of the common kinds are read without `JSONDecoder`: whatever is read must be what
/// `JSONDecoder` reads, and whatever the reader does not take is left to it.
@Suite("Stored answers read directly")
struct StoredAnswersReaderTests {
    /// What `JSONDecoder` reads from `json`, or `nil` when it refuses it.
    static func decoded(_ json: String) -> [String: AnswerValue]? {
        try? JSONDecoder().decode([String: AnswerValue].self, from: Data(json.utf8))
    }

    static let common: [[String: AnswerValue]] = [
        [:],
        ["title": .text("Printer on fire"), "floor": .number(2), "urgent": .boolean(true), "since": .date(LocalDate(iso: "2026-01-31")!),
         "at": .dateTime(LocalDateTime(iso: "2026-01-31T08:15")!), "kind": .choice("hardware"), "tags": .choices(["a", "b"])],
        ["text": .text("quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} nul \u{0} end")],
        ["text": .text("Ünïcödé 🔥 São Paulo — “quotes” \u{2028} \u{FEFF}"), "": .text(""), "empty": .choices([])],
        ["braces": .text("{{{ } {"), "more": .choices(["{", "}{"]), "plain": .number(1)],
        ["n": .number(-0.5), "big": .number(1e21), "small": .number(1.5e-7), "int": .number(123_456_789_012), "zero": .number(0),
         "no": .boolean(false), "pi": .number(Double.pi), "third": .number(1.0 / 3)],
    ]

    @Test("the answers stores write are read by the reader, as JSONDecoder reads them")
    func common() throws {
        for answers in Self.common {
            let json = try StoredAnswers.encode(answers)
            let read = try #require(StoredAnswersReader.answers(in: json), "\(json)")
            #expect(read == answers)
            #expect(read == Self.decoded(json))
            #expect(try StoredAnswers.decode(json) == answers)
        }
    }

    @Test("hand-written JSON: escapes, spaces, exponents and surrogate pairs read as JSONDecoder reads them")
    func written() throws {
        let texts = [
            #" { "a" : { "text" : "x\u00e9\ud83d\udd25\/\b\f" } , "b":{"number":1E+2},"c":{"number":-0},"d":{"number":2.50e-3} } "#,
            #"{"a":{"choices":[ "x" , "y\n" ]},"b":{"boolean":false}}"#,
            "{\n\t\"a\": {\"date\": \"2026-02-28\"}\r\n}",
        ]
        for json in texts {
            let read = try #require(StoredAnswersReader.answers(in: json), "\(json)")
            #expect(read == Self.decoded(json), "\(json)")
        }
    }

    @Test("what the reader does not take is decoded by JSONDecoder, or refused as before")
    func leftToJSONDecoder() throws {
        let files: [String: AnswerValue] = ["files": .files([AttachmentRef(name: "a.pdf", size: 3, mediaType: "application/pdf", sha256: "ab")]),
                                            "orders": .items([["amount": .number(3)]])]
        let others = [
            try StoredAnswers.encode(files),
            #"{"a":{"text":"x","extra":1}}"#,
            #"{"a":{"text":"x"},"a":{"text":"y"}}"#,
            #"{"a":{"number":1e400}}"#,
            #"{"a":{"number":1e-400}}"#,
            #"{"a":{"text":"\ud800"}}"#,
            #"{"a":{"number":01}}"#,
            #"{"a":{"text":"x"}} x"#,
            "{\"a\":{\"text\":\"tab\there\"}}",
        ]
        for json in others {
            #expect(StoredAnswersReader.answers(in: json) == nil, "\(json)")
            #expect((try? StoredAnswers.decode(json)) == Self.decoded(json), "\(json)")
        }
        #expect(try StoredAnswers.decode(others[0]) == files)
    }

    @Test("malformed stored answers are refused with the decoder's message")
    func refused() {
        for json in [#"{"a":{"number":"3"}}"#, #"{"a":{"date":"31/01/2026"}}"#, #"{"a":{"nope":1}}"#, #"{"a":{}}"#, "{", "[]"] {
            #expect(StoredAnswersReader.answers(in: json) == nil, "\(json)")
            do {
                _ = try StoredAnswers.decode(json)
                Issue.record("\(json) was read")
            } catch {
                guard case .unavailable(let message) = error else {
                    Issue.record("\(json): \(error)")
                    continue
                }
                #expect(message.hasPrefix("stored answers cannot be read: "), "\(json)")
            }
        }
    }
}
