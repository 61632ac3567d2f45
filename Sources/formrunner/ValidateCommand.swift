import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerKnowledge

/// `formrunner validate [PATH...]`: checks definitions and reports every problem at once.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the catalog's definitions and report every problem with its file, line and column.",
        discussion: "Exit status: 0 when clean, 1 when any problem is found."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files or folders to report on (default: the whole catalog). They are checked together with the catalog they refer to.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let extra = paths.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file or folder: '\(path)'")
        }
        let result = CatalogLoader(root: global.catalog).load(extraFiles: extra)
        // The knowledge base (Knowledge/) is checked with the catalog.
        let knowledge = KnowledgeLoader(root: global.catalog).load()
        let all = result.diagnostics + knowledge.diagnostics
        let files = result.files + knowledge.files
        let scope = paths.map(Self.normalized)
        let diagnostics = scope.isEmpty ? all : all.filter { diagnostic in
            guard let file = diagnostic.location?.file else { return true }
            return scope.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        let checked = scope.isEmpty ? files.count
            : files.filter { file in scope.contains { file == $0 || file.hasPrefix($0 + "/") } }.count
        switch format {
        case .json:
            Output.print(try Output.json(ValidationReport(diagnostics: diagnostics, files: checked)))
        case .text:
            Output.report(diagnostics, sources: result.catalog.sources)
            let errors = diagnostics.filter { $0.severity == .error }.count
            if errors == 0 {
                Output.printError("\(checked) file(s) checked, no problems found\n")
            } else {
                Output.printError("\(errors) error(s) in \(checked) file(s) checked\n")
            }
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    private static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
