@testable import FormrunnerCore
import Testing

/// The importer's JSON reader: values keep their lines, and malformed JSON is refused where it breaks.
@Suite("JSON with lines")
struct JSONSourceParserTests {
    @Test("members and items keep the line and column they are written at")
    func lines() throws {
        let value = try JSONSourceParser.parse("{\n  \"a\": [1, \"é\\u00e9\\ud83c\\udf89\"],\n  \"b\": {\"c\": true}\n}")
        #expect(value.member("a")?.line == 2)
        #expect(value["a"]?.array?[1].string == "éé🎉")
        #expect(value["a"]?.array?[1].column == 12)
        #expect(value.member("b")?.line == 3)
        #expect(value["b"]?["c"]?.bool == true)
    }

    @Test("malformed JSON is refused with the place and the reason", arguments: [
        ("{\"a\": 1,}", 1, 9, "malformed JSON: expected a key in double quotes, found '}'"),
        ("{\"a\" 1}", 1, 6, "malformed JSON: expected ':' after the key \"a\", found '1'"),
        ("[1 2]", 1, 4, "malformed JSON: expected ',' or ']' after an item, found '2'"),
        ("{\n\"a\": \"x\n\"}", 2, 6, "malformed JSON: unterminated string"),
        ("[01]", 1, 2, "malformed JSON: invalid number '01'"),
        ("{} x", 1, 4, "malformed JSON: unexpected 'x' after the JSON value; a file holds one value"),
        ("", 1, 1, "malformed JSON: unexpected end of file; expected a value"),
        ("[\"\\q\"]", 1, 4, "malformed JSON: invalid escape \\q in a string"),
        ("// c\n{}", 1, 1, "malformed JSON: unexpected '/'; expected a value"),
        ("{\"a\": tru}", 1, 7, "malformed JSON: unexpected 't'; expected a value"),
        ("[\"\\u12\"]", 1, 4, "malformed JSON: invalid \\u escape in a string; write four hex digits"),
        ("[\"\\u+041\"]", 1, 4, "malformed JSON: invalid \\u escape in a string; write four hex digits"),
        ("[\"a\tb\"]", 1, 4, "malformed JSON: control character in a string; write it as an escape such as \\n or \\t"),
        ("[1, 2", 1, 6, "malformed JSON: unexpected end of file; expected ',' or ']'"),
        ("{\"é\": 1 2}", 1, 9, "malformed JSON: expected ',' or '}' after a member, found '2'"),
    ])
    func malformed(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try JSONSourceParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func deep() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSourceParser.Failure.self) { try JSONSourceParser.parse(text) }
        let tooDeep = String(repeating: "[", count: JSONSourceParser.maximumDepth + 1)
        do {
            _ = try JSONSourceParser.parse(tooDeep)
            Issue.record("accepted \(JSONSourceParser.maximumDepth + 1) levels")
        } catch {
            #expect(error.message == "malformed JSON: nested deeper than 64 levels")
            #expect(error.column == JSONSourceParser.maximumDepth + 1)
        }
    }
}
