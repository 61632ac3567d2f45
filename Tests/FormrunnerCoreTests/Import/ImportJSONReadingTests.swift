import Foundation
import Testing
@testable import FormrunnerCore

/// `tickets import` reads its lines with ``JSONReader`` (the parser of ``JSONSourceParser``) as it read
/// them with `JSONDecoder` and trial decodes before: the same values, and the same lines refused.
@Suite struct ImportJSONReadingTests {
    /// The former reading of a line, kept here as the reference: `JSONDecoder`, a string tried first, then
    /// null, an object, an array, a boolean, a number.
    private struct FormerReading: Decodable {
        var value: ImportJSON

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if container.decodeNil() {
                value = .null
            } else if let object = try? container.decode([String: FormerReading].self) {
                value = .object(object.mapValues(\.value))
            } else if let items = try? container.decode([FormerReading].self) {
                value = .array(items.map(\.value))
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else {
                value = .number(try container.decode(Double.self))
            }
        }
    }

    private func former(_ line: Data) -> ImportJSON? {
        (try? JSONDecoder().decode(FormerReading.self, from: line))?.value
    }

    @Test(arguments: [
        #"{"form":"it","answers":{"a":"x","n":3,"f":-1.5e2,"b":true,"z":null,"list":["p","q"]}}"#,
        #"  {"history":[{"at":"2026-01-01T00:00:00Z","to":"open"},{}], "k":[] }  "#,
        #"{"s":"tab\tquote\" slash\/ back\\ \u00e9 \ud83d\ude00 é 😀","e":""}"#,
        #"{"n":0,"m":-0.25,"big":12345678901234567,"exp":1E+2,"neg":-0,"small":1e-320,"zero":0e-400}"#,
        #"{"a":1,"a":2}"#, #"{"a":1,"a":{"x":1}}"#, #"{"a":1,}"#, #"{"a":{"b":[1,],},}"#, "[1,]",
        #"[1,"two",false]"#, #""text""#, "null", "42", #"{"":1}"#, "\t{\"a\":1}\r",
        #"{"a":"x\u0000y","b":"\uDBFF\uDFFF"}"#, "{\"a\":\"x\u{7F}y\u{2028}\"}",
    ])
    func readsWhatJSONDecoderRead(_ text: String) throws {
        let line = Data(text.utf8)
        let read = try #require(ImportJSON.parse(line))
        #expect(read == former(line))
    }

    @Test(arguments: [
        "", "{", "{,}", "[,]", #"{"a":[,1]}"#, #"{"a":1,,}"#, #"{"a" 1}"#, "{a:1}", "01", "1.", "-", "1e", "+1", ".5",
        "tru", "nul", #"{"a":"x"} {"b":1}"#, "{\"a\":\"line\nbreak\"}", #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
        #"{"a":"\ud800"}"#, #"{"a":"\udc00x"}"#, #"{"a":"\ud800\u0041"}"#, "{\"a\":\"unterminated}", "1e400",
        "-1e400", "1e-324", "1.7976931348623159e308", "// comment", #"{"a":1}//"#, "\u{0C}{}", "{\"a\":1}\u{00}",
    ])
    func refusesWhatJSONDecoderRefused(_ text: String) {
        let line = Data(text.utf8)
        #expect(ImportJSON.parse(line) == nil)
        #expect(former(line) == nil)
    }

    @Test(arguments: [
        [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8),
        [0x00, 0x7B, 0x00, 0x7D], [0x7B, 0x00, 0x7D, 0x00], [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D],
    ] as [[UInt8]])
    func readsAByteOrderMarkAndUTF16AsJSONDecoderDid(_ bytes: [UInt8]) throws {
        let read = try #require(ImportJSON.parse(Data(bytes)))
        #expect(read == former(Data(bytes)))
    }

    @Test(arguments: [
        [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ] as [[UInt8]])
    func refusesInvalidUTF8(_ bytes: [UInt8]) {
        let line = Data(#"{"a":""#.utf8) + Data(bytes) + Data(#""}"#.utf8)
        #expect(ImportJSON.parse(line) == nil)
        #expect(former(line) == nil)
    }

    @Test func nestingStopsWhereJSONDecoderStopped() {
        func nested(_ levels: Int) -> Data {
            Data((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
        }
        #expect(ImportJSON.parse(nested(512)) != nil)
        #expect(former(nested(512)) != nil)
        #expect(ImportJSON.parse(nested(513)) == nil)
        #expect(former(nested(513)) == nil)
    }

    @Test("a line that is not an object is reported with what it holds")
    func notAnObject() {
        #expect(ImportJSON.object(in: Data("[1]".utf8)) == .failure(ImportProblem("expected a JSON object (one ticket), found an array")))
        #expect(ImportJSON.object(in: Data("{".utf8)) == .failure(ImportProblem("malformed JSON; each line must be one JSON object")))
    }
}
