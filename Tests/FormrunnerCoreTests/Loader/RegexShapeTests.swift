@testable import FormrunnerCore
import Testing

/// What the loader tells about a `pattern:` without running it.
@Suite("Pattern shapes")
struct RegexShapeTests {
    @Test("a repetition repeated without bound is found, whatever wraps it",
          arguments: ["(a+)+", "(a*)*", "^(\\w+\\s?)*$", "(a|b+)+", "((ab)*)+", "x(?:[0-9]+)+y", "(a+){2,}"])
    func nested(_ pattern: String) throws {
        let shape = try #require(RegexShape.parse(pattern))
        #expect(RegexShape.nestedRepetition(shape) != nil)
    }

    @Test("repetitions separated by something required, or bounded, are safe",
          arguments: ["([a-z]+\\.)+[a-z]+", "ORD-[0-9]{6}", "(ab)+", "[a-z]+(-[a-z]+)*", "(a+){1}", "(\\d{3})+",
                      "[+]+", "\\(a+\\)+", "[(a+)]+"])
    func safe(_ pattern: String) throws {
        let shape = try #require(RegexShape.parse(pattern))
        #expect(RegexShape.nestedRepetition(shape) == nil)
    }

    @Test("the fewest characters a match has")
    func minimumLength() throws {
        let cases: [(String, Int?)] = [("ORD-[0-9]{6}", 10), ("a|bcd", 1), ("(?=x)abc", 3), ("[\\]]x", 2), ("(a)\\1", nil),
                                       ("a{2,5}", 2), ("\\p{L}+", 1), ("^$", 0), ("(?<year>[0-9]{4})-[0-9]{2}", 7), ("x*", 0)]
        for (pattern, length) in cases {
            let shape = try #require(RegexShape.parse(pattern), "\(pattern)")
            #expect(RegexShape.minimumLength(shape) == length, "\(pattern)")
        }
    }
}
