/// Collects diagnostics while a catalog is decoded and checked, so every problem is reported in one run.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    /// An error of kind `code` at `location`.
    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes, code: code))
    }

    /// A warning of kind `code` at `location`: reported, but the catalog stays usable (`--strict` makes it an error).
    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.warning, message, at: location, notes: notes, code: code))
    }

    /// An error without a code. Every diagnostic of the definition language should have one
    /// (`DiagnosticCodeTests` checks the broken fixtures): prefer the one that takes a code.
    func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// Ids of definitions that exist but could not be decoded; their errors are already reported,
    /// so references to them are not reported again as unknown.
    var brokenIDs: Set<String> = []

    /// Ids of fields that exist but could not be decoded (an unknown type, a line of broken YAML);
    /// their errors are already reported, so conditions that use them are not reported again.
    /// Kept for the whole catalog: a field group's broken field may be used by any form.
    var brokenFieldIDs: Set<String> = []

    /// Top-level keys of each file whose lines (or some of whose items) were left out after a YAML
    /// syntax error: they are not reported again as missing or empty.
    var unreadableKeys: [String: Set<String>] = [:]

    /// Notes what the reader left out of `file` (see ``YAMLRecovery``), so that it causes no further errors.
    func leftOut(_ parts: [YAMLRecovery.Unreadable], of file: String) {
        for part in parts {
            if let key = part.key { unreadableKeys[file, default: []].insert(key) }
            if let id = part.itemID { brokenFieldIDs.insert(id) }
        }
    }

    /// The most places a collapsed unknown reference lists in its notes.
    static let maximumReferenceNotes = 5

    /// Where each unknown reference was first reported, by kind, scope and id, so a misspelt id used
    /// in nine places is one error (with notes naming the other places), not nine.
    private var unknownReferences: [String: (index: Int, more: Int)] = [:]

    /// Reports a reference to an unknown definition, with a did-you-mean, unless the definition
    /// exists but is broken. The same unknown id of the same kind (within `scope`, when given)
    /// is reported once: later uses become notes of the first error.
    func unknownReference<S: Sequence>(_ kind: String, _ id: String, among candidates: S, at location: SourceLocation?,
                                       scope: String = "", code: DiagnosticCode = .unknownReference)
    where S.Element == String {
        guard !brokenIDs.contains(id) else { return }
        let key = "\(kind)\u{0}\(scope)\u{0}\(id)"
        if let seen = unknownReferences[key] {
            var first = diagnostics[seen.index]
            if first.notes.count < Self.maximumReferenceNotes {
                first.notes.append(.init("'\(id)' is also used here", at: location))
            } else {
                let more = seen.more + 1
                first.notes.removeAll { $0.location == nil && $0.message.hasPrefix("and ") }
                first.notes.append(.init("and \(more) more place\(more == 1 ? "" : "s")"))
                unknownReferences[key] = (seen.index, more)
            }
            diagnostics[seen.index] = first
            return
        }
        unknownReferences[key] = (diagnostics.count, 0)
        error(code, "unknown \(kind) '\(id)'" + Suggestion.hint(for: id, in: candidates.sorted()), at: location)
    }

    func append(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }
}
