import ArgumentParser

/// The `formrunner` command: validates, shows and runs a catalog of YAML forms and workflows.
@main
struct Formrunner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formrunner",
        abstract: "A form and workflow engine driven by YAML definitions.",
        discussion: """
        Support teams describe request types (forms) and ticket life cycles (workflows) in YAML \
        under Forms/ and Workflows/. formrunner validates them, asks their questions in a terminal, \
        files tickets and moves them through their statuses.
        """,
        version: "0.1.0",
        subcommands: [Validate.self, Forms.self, Workflows.self, Schema.self]
    )
}
