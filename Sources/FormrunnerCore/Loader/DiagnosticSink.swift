/// Collects diagnostics while a catalog is decoded and checked, so every problem is reported in one run.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    /// Ids of definitions that exist but could not be decoded; their errors are already reported,
    /// so references to them are not reported again as unknown.
    var brokenIDs: Set<String> = []

    /// Reports a reference to an unknown definition, with a did-you-mean, unless the definition
    /// exists but is broken.
    func unknownReference<S: Sequence>(_ kind: String, _ id: String, among candidates: S, at location: SourceLocation?)
    where S.Element == String {
        guard !brokenIDs.contains(id) else { return }
        error("unknown \(kind) '\(id)'" + Suggestion.hint(for: id, in: candidates.sorted()), at: location)
    }

    func append(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }
}
