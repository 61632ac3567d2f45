import ArgumentParser
import FormrunnerCore

/// `formrunner workflows list|graph ID`.
struct Workflows: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows",
        abstract: "List entry flows and life cycles, or draw a life cycle.",
        subcommands: [List.self, Graph.self]
    )

    /// `workflows list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entry flows, life cycles and calendars.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let catalog = try CatalogSession.load(global)
            for flow in catalog.workflows.values.sorted(by: { $0.id < $1.id }) {
                let steps = flow.steps.map(\.kind.typeName).joined(separator: " → ")
                Output.print("workflow   \(flow.id)  \(flow.title.english)  [\(steps)]  lifecycle: \(flow.lifecycleID)\n")
            }
            for lifecycle in catalog.lifecycles.values.sorted(by: { $0.id < $1.id }) {
                let statuses = lifecycle.statuses.map { $0.label.english + ($0.isFinal ? " (final)" : "") }
                Output.print("lifecycle  \(lifecycle.id)  \(statuses.joined(separator: ", "))\n")
            }
            for calendar in catalog.calendars.values.sorted(by: { $0.id < $1.id }) {
                Output.print("calendar   \(calendar.id)  \(calendar.calendar.timeZone.identifier)\n")
            }
        }
    }

    /// `workflows graph ID`: a life cycle (or the life cycle of an entry flow) as a diagram.
    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "graph", abstract: "Draw a life cycle as Mermaid or Graphviz dot.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A lifecycle id, or an entry flow id (its life cycle is drawn).") var id: String
        @Option(help: "mermaid or dot.") var format: LifecycleGraph.Format = .mermaid

        func run() throws {
            let catalog = try CatalogSession.load(global)
            let lifecycleID = catalog.workflows[id]?.lifecycleID ?? id
            guard let lifecycle = catalog.lifecycles[lifecycleID] else {
                throw CatalogSession.unknown("workflow or lifecycle", id,
                                             among: Array(catalog.lifecycles.keys) + Array(catalog.workflows.keys))
            }
            Output.print(LifecycleGraph(lifecycle).render(format))
        }
    }
}

extension LifecycleGraph.Format: ExpressibleByArgument {}
