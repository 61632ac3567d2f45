import ArgumentParser
import Testing
@testable import formrunner

/// Every command spells out its `commandName`. Without it ArgumentParser derives the name with
/// `String(describing:)` of the command's type on every start-up, and those dynamic casts scan the
/// protocol conformances of the whole binary: they were half of what `formrunner --help` executed
/// (57 M instructions, 29 M once every command was named; see Benchmarks/README.md, cold start).
@Suite struct CommandNamesTests {
    @Test func everyCommandNamesItself() {
        var unnamed: [String] = []
        func walk(_ command: any ParsableCommand.Type) {
            if command.configuration.commandName == nil { unnamed.append(String(reflecting: command)) }
            for subcommand in command.configuration.subcommands { walk(subcommand) }
        }
        walk(Formrunner.self)
        #expect(unnamed == [])
    }
}
