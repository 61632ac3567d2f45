import ArgumentParser

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog root, holding Forms/ and Workflows/.", valueName: "dir"))
    var catalog: String = "."
}
