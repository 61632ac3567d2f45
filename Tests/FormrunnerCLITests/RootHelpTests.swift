import ArgumentParser
import Foundation
import Testing
@testable import formrunner

/// `formrunner --help` skips ArgumentParser's parser and help generator (see ``RootHelp``) and
/// still prints exactly the screen the parser prints, at the width the terminal asks for; anything
/// else still goes through the parser.
@Suite struct RootHelpTests {
    /// What ArgumentParser's parser prints for the help request `arguments`, at `columns` wide: it
    /// parses them into its help command, whose run throws the help screen.
    static func parserText(_ arguments: [String], columns: Int) -> String {
        do {
            var command = try Formrunner.parseAsRoot(arguments)
            try command.run()
            return "(ran without a message)"
        } catch {
            return Formrunner.fullMessage(for: error, columns: columns)
        }
    }

    @Test("the stored root help screen is ArgumentParser's, byte for byte, at the width it is stored for")
    func storedTextIsCurrent() throws {
        let rendered = Formrunner.helpMessage(columns: StoredRootHelp.columns)
        if StoredRootHelpSource.recording, rendered != StoredRootHelp.text {
            let source = StoredRootHelpSource.source(text: rendered, columns: StoredRootHelp.columns)
            try source.write(toFile: StoredRootHelpSource.path, atomically: true, encoding: .utf8)
        }
        #expect(StoredRootHelp.text == rendered, """
            Sources/formrunner/StoredRootHelp.swift is stale: regenerate it with
            FORMRUNNER_RECORD_ROOT_HELP=1 swift test --filter RootHelpTests
            """)
    }

    @Test("the stored file is what the recorder writes for the stored text")
    func storedFileIsTheRecorders() throws {
        let file = try String(contentsOfFile: StoredRootHelpSource.path, encoding: .utf8)
        #expect(file == StoredRootHelpSource.source(text: StoredRootHelp.text, columns: StoredRootHelp.columns))
    }

    @Test("--help, -h and help alone print the parser's root help screen and exit 0", arguments: RootHelp.requests)
    func rootHelp(arguments: [String]) throws {
        for columns in ["", "80", "100", "60"] {
            let run = try CommandRunner.run(arguments, environment: ["COLUMNS": columns])
            let width = Int(columns) ?? HelpScreenWidth.fallback
            #expect(run.status == 0)
            #expect(run.stdout == Self.parserText(arguments, columns: width) + "\n", "COLUMNS=\(columns)")
            #expect(run.stdout == Formrunner.helpMessage(columns: width) + "\n", "COLUMNS=\(columns)")
            #expect(run.stderr == "")
        }
    }

    @Test("COLUMNS that do not read as a number leave the width to the terminal, as in ArgumentParser",
          arguments: ["abc", " 80", "80x", "100.0"])
    func unreadableColumns(columns: String) throws {
        // Standard output is a pipe: no terminal width, so ArgumentParser wraps to 80.
        let run = try CommandRunner.run(["--help"], environment: ["COLUMNS": columns])
        #expect(run.stdout == Self.parserText(["--help"], columns: HelpScreenWidth.fallback) + "\n")
    }

    @Test("the stored text serves only the width it is stored for; a pipe gets that width")
    func storedWidthOnly() {
        #expect(HelpScreenWidth.fallback == StoredRootHelp.columns)
        #expect(RootHelp.text(for: ["--help"], columns: 80) == StoredRootHelp.text)
        #expect(RootHelp.text(for: ["-h"], columns: 120) == Formrunner.helpMessage(columns: 120))
    }

    @Test("HelpScreenWidth finds the width ArgumentParser wraps to in this process (COLUMNS, terminal or pipe)")
    func widthIsArgumentParsers() {
        #expect(Formrunner.helpMessage(columns: HelpScreenWidth.current()) == Formrunner.helpMessage())
    }

    @Test("the short cut answers only a lone request for the root help")
    func onlyAlone() {
        #expect(RootHelp.text(for: ["--help"]) == Formrunner.helpMessage())
        for arguments in [[], ["--help", "validate"], ["help", "validate"], ["validate", "--help"], ["--version"], ["--HELP"]] {
            #expect(RootHelp.text(for: arguments) == nil, "\(arguments)")
        }
    }

    @Test("help for a subcommand still comes from the parser")
    func subcommandHelp() throws {
        let run = try CommandRunner.run(["help", "validate"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        #expect(run.stdout == Self.parserText(["help", "validate"], columns: 100) + "\n")
    }
}
