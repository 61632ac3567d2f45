import ArgumentParser
import FormrunnerCore

/// Loads the catalog for commands that need a valid one, failing with every diagnostic otherwise.
enum CatalogSession {
    static func load(_ options: GlobalOptions) throws -> Catalog {
        let result = CatalogLoader(root: options.catalog).load()
        guard result.isValid else {
            Output.report(result.diagnostics, sources: result.catalog.sources)
            Output.printError("formrunner: the catalog at '\(options.catalog)' has \(result.diagnostics.count) problem(s); fix them or run `formrunner validate`\n")
            throw ExitCode(1)
        }
        return result.catalog
    }

    /// The message for an id that is not in the catalog, with a did-you-mean hint.
    static func unknown(_ kind: String, _ id: String, among candidates: some Sequence<String>) -> ExitCode {
        Output.printError("formrunner: unknown \(kind) '\(id)'" + Suggestion.hint(for: id, in: candidates.sorted())
                          + "; run `formrunner \(kind == "form" ? "forms" : "workflows") list`\n")
        return ExitCode(1)
    }
}
