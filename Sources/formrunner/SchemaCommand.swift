import ArgumentParser
import FormrunnerCore

/// `formrunner schema`: prints the JSON Schema of the definition language.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the definition language (for editors running yaml-language-server).",
        discussion: "The repository keeps a copy in schema/formrunner.schema.json; regenerate it with `formrunner schema > schema/formrunner.schema.json`."
    )

    func run() {
        Output.print(DefinitionSchema.document.prettyPrinted)
    }
}
