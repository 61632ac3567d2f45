import FormrunnerCore

/// The catalog has errors, so no desk can run on it; carries every diagnostic for the front end to show.
public struct InvalidCatalogError: Error, Sendable, CustomStringConvertible {
    /// The catalog root, as it was given.
    public var root: String
    /// Every problem found, in the loader's order.
    public var diagnostics: [Diagnostic]
    /// The text of each file read, by path, for excerpts under the diagnostics.
    public var sources: [String: String]

    /// An error for the catalog at `root` with its diagnostics and sources.
    public init(root: String, diagnostics: [Diagnostic], sources: [String: String]) {
        self.root = root
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// The summary line the command line prints after the diagnostics.
    public var description: String {
        "the catalog at '\(root)' has \(diagnostics.count) problem(s); fix them or run `formrunner validate`"
    }
}
