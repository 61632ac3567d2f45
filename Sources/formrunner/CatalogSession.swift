import ArgumentParser
import FormrunnerCore
import FormrunnerDesk

/// Loads the catalog for commands that need a valid one; an invalid one throws
/// ``InvalidCatalogError``, which `Formrunner.main` prints with every diagnostic.
enum CatalogSession {
    static func load(_ options: GlobalOptions) throws -> Catalog {
        try options.settings.loadCatalog()
    }

    /// The message for an id that is not in the catalog, with a did-you-mean hint.
    static func unknown(_ kind: String, _ id: String, among candidates: some Sequence<String>) -> ExitCode {
        Output.printError("formrunner: unknown \(kind) '\(id)'" + Suggestion.hint(for: id, in: candidates.sorted())
                          + "; run `formrunner \(kind == "form" ? "forms" : "workflows") list`\n")
        return ExitCode(1)
    }
}
