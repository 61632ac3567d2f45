import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerKnowledge
import FormrunnerNotify

/// `formrunner validate [PATH...]`: checks definitions and reports every problem at once.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the catalog's definitions and report every problem with its file, line and column.",
        discussion: "Exit status: 0 when clean (warnings alone, such as a missing translation, still exit 0), 1 when any error is found (or any warning, with --strict)."
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

    @Flag(help: "Treat warnings (a text or e-mail template missing a language that formrunner.yaml declares) as errors.")
    var strict = false

    func run() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file or folder: '\(path)'")
        }
        for path in paths where DefinitionTestFile.isTestFile(path) {
            throw ValidationError("'\(path)' is a definition test, not a definition; run it with `formrunner test \(path)`")
        }
        let loader = CatalogLoader(root: global.catalog)
        let scope = paths.map { Self.withoutTrailingSlash(loader.catalogPath(for: $0)) }
        var result = loader.load(extraFiles: paths.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") })
        // The e-mail templates too: a broken one would otherwise fail every `tickets create` after.
        // And the knowledge base (Knowledge/).
        let knowledge = KnowledgeLoader(root: global.catalog).load()
        result.diagnostics = (result.diagnostics + TemplateCheck.diagnostics(of: result.catalog, path: loader.templatePath)
                              + MacroCheck.diagnostics(of: result.catalog)
                              + knowledge.diagnostics).sortedByLocation()
        result.files += knowledge.files
        for name in result.catalog.templates.keys { result.catalog.sources[loader.templatePath(name)] = result.catalog.templates[name] }
        func inScope(_ file: String, _ named: String) -> Bool {
            named == "." || file == named || file.hasPrefix(named.hasSuffix("/") ? named : named + "/")
        }
        // A path naming no definition (a folder outside the catalog, `Forms` from another folder) is
        // a mistake, not a clean bill of health.
        for (path, named) in zip(paths, scope) where !result.files.contains(where: { inScope($0, named) }) {
            throw ValidationError("'\(path)' holds no definition file of the catalog '\(global.catalog)'; "
                                  + "paths are relative to the current folder (choose the catalog with --catalog DIR)")
        }
        var diagnostics = scope.isEmpty ? result.diagnostics : result.diagnostics.filter { diagnostic in
            guard let file = diagnostic.location?.file else { return true }
            return scope.contains { inScope(file, $0) }
        }
        if strict {
            for index in diagnostics.indices where diagnostics[index].severity == .warning { diagnostics[index].severity = .error }
        }
        let checked = scope.isEmpty ? result.files.count
            : result.files.filter { file in scope.contains { inScope(file, $0) } }.count
        switch format {
        case .json:
            Output.print(try Output.json(ValidationReport(diagnostics: diagnostics, files: checked)))
        case .text:
            Output.report(diagnostics, sources: result.catalog.sources)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            switch (errors, warnings) {
            case (0, 0): Output.printError("\(checked) file(s) checked, no problems found\n")
            case (0, _): Output.printError("\(warnings) warning(s) in \(checked) file(s) checked\n")
            case (_, 0): Output.printError("\(errors) error(s) in \(checked) file(s) checked\n")
            default: Output.printError("\(errors) error(s) and \(warnings) warning(s) in \(checked) file(s) checked\n")
            }
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    private static func withoutTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
