import ArgumentParser

/// The arguments every `formrunner import` format takes.
struct ImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the form to this file (default: standard output).", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite --output if it exists.")
    var force = false

    @Flag(help: "Load the form with the catalog (--catalog) and write it only if it is valid.")
    var check = false

    @Option(help: ArgumentHelp("The form's id (default: from its title, e.g. bug-report).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The team that handles its tickets, one of Workflows/teams.yaml's.", valueName: "team"))
    var team = "support"
}
