import Foundation
import FormrunnerCore
import Testing

/// Characters a definition file must not hold are reported where they are, and encodings by name.
@Suite("Definition files: characters and encodings")
struct CharacterLocationTests {
    let reader = YAMLReader()

    func messages(_ data: Data) -> [String] {
        reader.read(data, path: "f.yaml").diagnostics.map(\.description)
    }

    @Test("a control character is reported at its line and column, not at 1:1")
    func controlCharacter() {
        #expect(messages(Data("form: x\nversion: 1\ntitle: a\u{7}b\n".utf8))
                == ["f.yaml:3:9: error: invalid characters in file: control characters are not allowed"])
    }

    @Test("a control character after multi-byte letters is located by character, not by byte")
    func afterMultibyte() {
        #expect(messages(Data("title: ção\u{1}\n".utf8))
                == ["f.yaml:1:11: error: invalid characters in file: control characters are not allowed"])
    }

    @Test("a NUL on a later line is reported on that line")
    func nulLine() {
        #expect(messages(Data("form: x\nversion: 1\ntitle: a\0\n".utf8))
                == ["f.yaml:3:9: error: file contains a NUL character; is it a binary file?"])
    }

    @Test("UTF-32, with or without a byte-order mark, is called UTF-32, not UTF-16")
    func utf32() {
        let expected = ["f.yaml:1:1: error: file is UTF-32; definitions must be saved as UTF-8"]
        let text = "form: x\n".unicodeScalars.flatMap { scalar -> [UInt8] in
            let value = scalar.value
            return [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
        }
        #expect(messages(Data([0xFF, 0xFE, 0, 0] + text)) == expected)
        #expect(messages(Data(text)) == expected)
        #expect(messages(Data([0, 0, 0xFE, 0xFF, 0, 0, 0, 0x66])) == expected)
        #expect(messages(Data([0xFE, 0xFF, 0, 0x66])) == ["f.yaml:1:1: error: file is UTF-16; definitions must be saved as UTF-8"])
    }
}
