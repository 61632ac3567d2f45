import ArgumentParser
import Testing
@testable import formrunner

/// `formrunner --help` skips ArgumentParser's parser (see ``RootHelp``) and still prints exactly the
/// screen the parser prints, at the width the terminal asks for; anything else still goes through
/// the parser.
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

    @Test("--help, -h and help alone print the parser's root help screen and exit 0", arguments: RootHelp.requests)
    func rootHelp(arguments: [String]) throws {
        let run = try CommandRunner.run(arguments, environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        #expect(run.stdout == Self.parserText(arguments, columns: 100) + "\n")
        #expect(run.stdout == Formrunner.helpMessage(columns: 100) + "\n")
        #expect(run.stderr == "")
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
