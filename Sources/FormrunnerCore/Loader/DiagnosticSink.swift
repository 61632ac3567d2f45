/// Collects diagnostics while a catalog is decoded and checked, so every problem is reported in one run.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    func append(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }
}
