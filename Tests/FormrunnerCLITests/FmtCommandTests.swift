import Foundation
import Testing

@Suite("formrunner fmt")
struct FmtCommandTests {
    static let messy = "form: demo.a\ntitle: \"Demo\"\nversion: 1\nteam: technical\nfields:\n    -   {type: text, label: A, id: a}\n"
    static let tidy = "form: demo.a\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n  - id: a\n    label: A\n    type: text\n"

    static func withCatalog<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let folder = NSTemporaryDirectory() + "formrunner-fmt-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (path, text) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return try body(folder)
    }

    @Test("--check lists the files that would change, changes nothing and exits 1")
    func check() throws {
        try Self.withCatalog(["Forms/a.yaml": Self.messy, "Forms/b.yaml": Self.tidy.replacingOccurrences(of: "demo.a", with: "demo.b")]) { catalog in
            let run = try CommandRunner.run(["fmt", "--check"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stdout == "Forms/a.yaml\n")
            #expect(run.stderr == "1 of 2 file(s) would be reformatted\n")
            #expect(try String(contentsOfFile: catalog + "/Forms/a.yaml", encoding: .utf8) == Self.messy)
        }
    }

    @Test("definition tests (*.test.yaml) beside the definitions are not formatted")
    func skipsDefinitionTests() throws {
        let test = "tests:\n    -   {name: one, answers: {a: x}, expect: {valid: true}}\nform: demo.a\n"
        try Self.withCatalog(["Forms/a.yaml": Self.tidy, "Forms/a.test.yaml": test]) { catalog in
            let run = try CommandRunner.run(["fmt"], in: catalog)
            #expect(run.status == 0)
            #expect(run.stderr == "0 of 1 file(s) reformatted\n")
            #expect(try String(contentsOfFile: catalog + "/Forms/a.test.yaml", encoding: .utf8) == test)
        }
    }

    @Test("fmt rewrites the files, then --check passes and the catalog still validates")
    func rewrite() throws {
        try Self.withCatalog(["Forms/a.yaml": Self.messy]) { catalog in
            let run = try CommandRunner.run(["fmt"], in: catalog)
            #expect(run.status == 0)
            #expect(run.stderr == "1 of 1 file(s) reformatted\n")
            #expect(try String(contentsOfFile: catalog + "/Forms/a.yaml", encoding: .utf8) == Self.tidy)
            #expect(try CommandRunner.run(["fmt", "--check"], in: catalog).status == 0)
            #expect(try CommandRunner.run(["validate"], in: catalog).status == 0)
        }
    }

    @Test("a file that does not read is left unchanged and reported, exit 1")
    func refuses() throws {
        try Self.withCatalog(["Forms/a.yaml": "form: demo.a\ntitle: \"Demo\n"]) { catalog in
            let run = try CommandRunner.run(["fmt", "Forms/a.yaml"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr == "formrunner fmt: Forms/a.yaml:3:1: error: invalid YAML: found unexpected end of stream [FR0101]; "
                    + "fix it first (formrunner validate shows every problem)\n0 of 1 file(s) reformatted, 1 could not be formatted\n")
        }
    }
}
