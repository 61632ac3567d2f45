import Foundation
import Testing

/// `formrunner import github-issue-form` and `formrunner import surveyjs` on the fixtures under
/// `Tests/Fixtures/importers`: the written form (golden files; `FORMRUNNER_UPDATE_GOLDEN=1` rewrites
/// them), the report of what is not carried over line by line, `--check`, `--output` and bad files.
@Suite("formrunner import")
struct ImportCommandTests {
    static let folder = "Tests/Fixtures/importers"

    /// Runs `formrunner import ARGS` in the repository (whose catalog `--check` loads).
    func run(_ arguments: [String], in directory: String = CommandRunner.repository) throws -> CommandRunner.Run {
        try CommandRunner.run(["import"] + arguments, in: directory)
    }

    /// Compares `text` with the golden file `name` (rewritten under FORMRUNNER_UPDATE_GOLDEN=1).
    func expectGolden(_ text: String, _ name: String) throws {
        let path = CommandRunner.repository + "/" + Self.folder + "/" + name
        if ProcessInfo.processInfo.environment["FORMRUNNER_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    /// A temporary folder, removed after `body`.
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "formrunner-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    static let issueFormReport = """
    Tests/Fixtures/importers/bug-report.yml:3: form: not carried over: title '[Bug]: ', the issue's default title (a ticket takes its title from a text field with id 'title')
    Tests/Fixtures/importers/bug-report.yml:4: form: not carried over: labels bug, triage (a formrunner form has no labels)
    Tests/Fixtures/importers/bug-report.yml:5: form: not carried over: projects octo-org/1 (a formrunner form is in no project)
    Tests/Fixtures/importers/bug-report.yml:6: form: not carried over: assignees octocat (the team's 'assign' rule picks the agent)
    Tests/Fixtures/importers/bug-report.yml:8: form: not carried over: type 'bug', the issue type (the form's id and team say what a ticket is)
    Tests/Fixtures/importers/bug-report.yml:44: element 'logs' (type textarea): not carried over: render: shell (the answer is kept as plain text, not shown as a code block)
    Tests/Fixtures/importers/bug-report.yml:89: element 'mood' (type poll): not carried over: unknown element type 'poll' (an issue form has markdown, input, textarea, dropdown, checkboxes)

    """

    @Test("an issue form with every element becomes the golden form, and the report lists each loss with its line")
    func issueForm() throws {
        let result = try run(["github-issue-form", Self.folder + "/bug-report.yml"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "bug-report.expected.yaml")
        #expect(result.stderr == Self.issueFormReport
                + "imported form 'bug-report': 8 questions, 2 notes; 7 things not carried over (above)\n")
    }

    @Test("--check loads the imported issue form with the catalog and passes it")
    func issueFormChecked() throws {
        let result = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--check", "--team", "technical"])
        #expect(result.status == 0, "\(result.stderr)")
        // The repository's catalog declares pt and es: every imported label lacks them.
        #expect(result.stderr.contains("\nForms/imported/bug-report.yaml: 30 warnings (such as a missing translation); "
                                       + "`formrunner validate` lists them once the form is in the catalog\n"))
        #expect(!result.stderr.contains("warning:"))
        #expect(result.stderr.hasSuffix("imported form 'bug-report': 8 questions, 2 notes; 7 things not carried over (above); "
                                        + "checked as Forms/imported/bug-report.yaml: valid\n"))
        #expect(result.stdout.hasPrefix("# Imported from bug-report.yml"))
    }

    @Test("--check refuses a form the catalog does not accept, shows why, and writes nothing")
    func checkFails() throws {
        try withFolder { folder in
            let output = folder + "/form.yaml"
            let result = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--check", "--team", "nobody", "-o", output])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr.contains("\(output):5:7: error: unknown team 'nobody'"))
            #expect(result.stderr.hasSuffix("formrunner: the imported form has 1 error (checked as \(output)); nothing was written\n"))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test("--output writes the form, and refuses to overwrite it without --force")
    func output() throws {
        try withFolder { folder in
            let output = folder + "/bug.yaml"
            let first = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--output", output, "--id", "tech.bug"])
            #expect(first.status == 0)
            #expect(first.stdout == "")
            #expect(first.stderr.hasSuffix("imported form 'tech.bug': 8 questions, 2 notes; 7 things not carried over (above); written to \(output)\n"))
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\nform: tech.bug\n"))
            let again = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--output", output])
            #expect(again.status == 1)
            #expect(again.stderr == "formrunner: '\(output)' exists; choose another --output, or add --force to overwrite it\n")
            let forced = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--output", output, "--force"])
            #expect(forced.status == 0)
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\nform: bug-report\n"))
        }
    }

    @Test("a file that is not an issue form is refused with its place and the reason, exit 1", arguments: [
        ("bad-top.yml", """
        Tests/Fixtures/importers/bad-top.yml:1:1: error: not a GitHub issue form: expected a mapping with 'name', 'description' and 'body', found a list
         1 | - type: input
           | ^

        """),
        ("no-body.yml", """
        Tests/Fixtures/importers/no-body.yml:1:1: error: not a GitHub issue form: it has no 'body', the list of its elements
         1 | name: Feature request
           | ^

        """),
        ("bad-syntax.yml", """
        Tests/Fixtures/importers/bad-syntax.yml:7:1: error: invalid YAML: found unexpected end of stream [FR0101]
         7 | \n   | ^
        Tests/Fixtures/importers/bad-syntax.yml:6:14: note: while scanning a quoted scalar

        """),
    ])
    func badIssueForm(_ name: String, _ expected: String) throws {
        let result = try run(["github-issue-form", Self.folder + "/" + name])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == expected + "formrunner: nothing was imported from '\(Self.folder)/\(name)'\n")
    }

    @Test("a missing file or a bad --id is a usage error, exit 64")
    func usage() throws {
        let missing = try run(["github-issue-form", "nope.yml"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: no such file: 'nope.yml'\n"))
        let badID = try run(["github-issue-form", Self.folder + "/bug-report.yml", "--id", "Bad_ID"])
        #expect(badID.status == 64)
        #expect(badID.stderr.hasPrefix("Error: 'Bad_ID' is not a valid id for --id; use lower-case letters, digits, '_', '-' and '.'\n"))
    }

    @Test("--check with --force checks the new form in place of the catalog file it overwrites, not beside it")
    func checkReplacesFile() throws {
        try CommandRunner.withCatalogCopy { catalog in
            let output = catalog + "/Forms/technical/bug-report.yaml"
            let arguments = ["github-issue-form", Self.folder + "/bug-report.yml", "--team", "technical", "--catalog", catalog,
                             "-o", output, "--check"]
            let first = try run(arguments)
            #expect(first.status == 0, "\(first.stderr)")
            let again = try run(arguments + ["--force"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(!again.stderr.contains("error:"))
            #expect(again.stderr.hasSuffix("checked as \(output): valid; written to \(output)\n"))
            let validate = try CommandRunner.run(["validate", "--catalog", catalog])
            #expect(validate.status == 0, "\(validate.stderr)")
        }
    }
}
