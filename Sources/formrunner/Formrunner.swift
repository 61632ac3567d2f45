import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk

/// The `formrunner` command: validates, shows and runs a catalog of YAML forms and workflows.
@main
struct Formrunner: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formrunner",
        abstract: "A form and workflow engine driven by YAML definitions.",
        discussion: """
        Support teams describe request types (forms) and ticket life cycles (workflows) in YAML \
        under Forms/ and Workflows/. formrunner validates them, asks their questions in a terminal, \
        files tickets and moves them through their statuses.
        """,
        version: "0.1.0",
        subcommands: [Validate.self, Forms.self, Workflows.self, Run.self, Tickets.self, Tick.self, Deliver.self, Worker.self,
                      Mail.self, Users.self, Plugins.self, Schema.self, Serve.self, Knowledge.self, Queue.self,
                      Macros.self, DeskCommand.self, Report.self, TestDefinitions.self]
    )

    /// Runs the command (global options may come before the subcommand); refusals and failures print `formrunner: reason` on standard error and exit 1.
    static func main() async {
        if let help = RootHelp.text(for: Array(CommandLine.arguments.dropFirst())) {
            print(help)
            return
        }
        do {
            let arguments = LeadingGlobalOptions.reordered(Array(CommandLine.arguments.dropFirst()), root: Formrunner.self)
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            fail(failure.description)
        } catch let failure as TicketDesk.Failure {
            fail(failure.description)
        } catch let failure as TicketStoreError {
            fail(failure.description)
        } catch let setting as DeskSettingError {
            switch setting.kind {
            case .usage: exit(withError: ValidationError(setting.description))
            case .failure: fail(setting.description)
            }
        } catch let invalid as InvalidCatalogError {
            Output.report(invalid.diagnostics, sources: invalid.sources)
            Output.printError("formrunner: \(invalid.description)\n")
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }

    private static func fail(_ message: String) -> Never {
        Output.printError("formrunner: " + message.terminalSafe + "\n")
        Foundation.exit(1)
    }
}
