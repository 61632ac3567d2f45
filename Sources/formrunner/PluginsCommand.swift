import ArgumentParser
import Foundation
import FormrunnerPlugins

/// `formrunner plugins`: the external plugins installed on PATH.
struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "External plugins: executables on PATH named formrunner-notifier-NAME or formrunner-auth-NAME.",
        discussion: "The protocol they speak is documented in docs/plugins.md.",
        subcommands: [List.self]
    )

    /// `formrunner plugins list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the plugins found on PATH (the first folder holding a name wins, as for git).",
            discussion: "Text: one plugin a line, kind, name and path. --json: [{kind, name, path, executable}]."
        )

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let plugins = PluginLocator().all()
            if json {
                Output.print(try Output.json(plugins))
                return
            }
            if plugins.isEmpty {
                Output.printError("no plugins on PATH (executables named formrunner-notifier-NAME or formrunner-auth-NAME)\n")
                return
            }
            let kindWidth = plugins.map(\.kind.rawValue.count).max() ?? 0
            let nameWidth = plugins.map(\.name.count).max() ?? 0
            for plugin in plugins {
                let note = plugin.isExecutable ? "" : "  (not executable: run chmod +x \(plugin.path))"
                Output.print(plugin.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  "
                             + plugin.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + plugin.path + note + "\n")
            }
        }
    }
}
