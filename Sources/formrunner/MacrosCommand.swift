import ArgumentParser
import Foundation
import FormrunnerCore

/// `formrunner macros …`: the agents' canned replies (Workflows/macros.yaml).
struct Macros: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "macros",
        abstract: "List the canned replies agents send with tickets reply N --macro ID.",
        subcommands: [List.self]
    )

    /// `macros list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the macros with their labels.")

        /// One macro in JSON.
        struct Entry: Encodable {
            var id: String
            var label: LocalizedText
            var body: LocalizedText
            var languages: [String]
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var language: LanguageOption
        @Flag(help: "Print JSON (labels and bodies in every language).") var json = false

        func run() throws {
            let catalog = try CatalogSession.load(global)
            let macros = catalog.macros.values.sorted { $0.id < $1.id }
            if json {
                Output.print(try Output.json(macros.map {
                    Entry(id: $0.id, label: $0.label, body: $0.body, languages: $0.bodies.map(\.language).sorted())
                }))
                return
            }
            guard !macros.isEmpty else {
                Output.printError("no macros: add them to Workflows/macros.yaml\n")
                return
            }
            let shown = language.requested ?? "en"
            let width = macros.map(\.id.count).max() ?? 0
            Output.print(macros.map { "\($0.id.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.label.text(in: shown))" }
                .joined(separator: "\n") + "\n")
        }
    }
}
