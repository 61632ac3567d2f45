import Foundation
import FormrunnerCore
import Testing

@Suite struct DecodeMemoTests {
    @Test func theSameBytesAreDecodedOnceAndOtherBytesAgain() throws {
        let memo = DecodeMemo<String>(capacity: 8)
        var decoded = 0
        let decode: (Data) throws -> String = { bytes in
            decoded += 1
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(try memo.value(of: Data("a".utf8), decode: decode) == "a")
        #expect(try memo.value(of: Data("a".utf8), decode: decode) == "a")
        #expect(decoded == 1)
        #expect(try memo.value(of: Data("b".utf8), decode: decode) == "b")
        #expect(decoded == 2)
    }

    @Test func bytesThatDoNotDecodeAreNotRememberedAndTheErrorIsThrown() {
        struct Broken: Error {}
        let memo = DecodeMemo<Int>(capacity: 8)
        #expect(throws: Broken.self) { try memo.value(of: Data("x".utf8), decode: { _ in throw Broken() }) }
        #expect(memo.count == 0)
    }

    @Test func atMostTheCapacityIsKeptWhateverIsDecoded() {
        let memo = DecodeMemo<Int>(capacity: 50)
        for index in 0..<5_000 { _ = memo.value(of: Data("\(index)".utf8), decode: { _ in index }) }
        #expect(memo.count <= 50)
    }
}

@Suite("A bounded memo by any key")
struct BoundedMemoTests {
    @Test("a value is made once per key, and the memo forgets everything when it is full")
    func madeOnceAndBounded() {
        let memo = BoundedMemo<String, String>(capacity: 2)
        var made = 0
        let make: (String) -> String = { made += 1; return "k-" + $0 }
        #expect(memo.value(of: "a", make: make) == "k-a")
        #expect(memo.value(of: "a", make: make) == "k-a")
        #expect(made == 1)
        _ = memo.value(of: "b", make: make)
        _ = memo.value(of: "c", make: make)     // full: a and b are forgotten
        #expect(memo.value(of: "a", make: make) == "k-a")
        #expect(made == 4)
    }

    @Test("a remembered value that is no longer current is made again and kept in its place")
    func notCurrentMadeAgain() {
        let memo = BoundedMemo<String, Int>(capacity: 8)
        var made = 0
        let make: (String) -> Int = { _ in made += 1; return made }
        #expect(memo.value(of: "a", isCurrent: { _ in true }, make: make) == 1)
        #expect(memo.value(of: "a", isCurrent: { $0 == 1 }, make: make) == 1)
        #expect(memo.value(of: "a", isCurrent: { $0 == 2 }, make: make) == 2)
        #expect(memo.value(of: "a", make: make) == 2)
        #expect(made == 2)
        #expect(memo.count == 1)
    }
}
