import Foundation
import FormrunnerCore
import Testing

/// Answers files in JSON, as other programs write them.
@Suite("Answers files: JSON")
struct AnswersFileJSONTests {
    @Test("surrogate-pair escapes are read as the character they make; an escaped backslash stays a backslash")
    func surrogatePairs() throws {
        let json = #"{"title": "smile \ud83d\ude00 \uD83C\uDDE7\uD83C\uDDF7", "path": "C:\\ud83d", "plain": "\u00e7"}"#
        let answers = try AnswersFile.read(Data(json.utf8), path: "a.json").get()
        #expect(answers["title"] == .single("smile 😀 🇧🇷"))
        #expect(answers["path"] == .single(#"C:\ud83d"#))
        #expect(answers["plain"] == .single("ç"))
    }

    @Test("a YAML answers file is read as written, backslashes and all")
    func yamlUntouched() throws {
        let answers = try AnswersFile.read(Data(#"title: a \ud83d\ude00 b"#.utf8), path: "a.yaml").get()
        #expect(answers["title"] == .single(#"a \ud83d\ude00 b"#))
    }

    @Test("a 150 MB answers file is refused by its size before it is read")
    func hugeFile() throws {
        let path = NSTemporaryDirectory() + "formrunner-answers-\(UUID().uuidString).json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 150 * 1024 * 1024)
        try handle.close()
        let result = AnswersFile.read(contentsOf: path)
        guard case .failure(let error)? = result else { Issue.record("read: \(String(describing: result))"); return }
        #expect(error.diagnostics.map(\.description)
                == ["\(path):1:1: error: file is too large (157286400 bytes; answers files are limited to 1048576 bytes)"])
    }
}
