import Foundation
import FormrunnerCore

/// The e-mail templates of the real catalog, so that fuzzed life cycles can name them.
private let templates = Dictionary(uniqueKeysWithValues: [
    "awaiting-reply", "closed", "comment", "confirmation", "one-time-code", "reopen-refused", "solved", "status-changed",
].map { ($0, "") })

/// Splits the input into up to eight catalog files at lines reading `#%%` (a YAML comment, so a
/// seed made of several real files stays valid YAML), letting the fuzzer build cross-references.
private func documents(_ data: Data) -> [CatalogLoader.Document] {
    let marker = Array("\n#%%\n".utf8)
    var parts: [Data] = []
    var rest = data[...]
    while parts.count < 7, let range = rest.firstRange(of: marker) {
        parts.append(Data(rest[..<range.lowerBound]))
        rest = rest[range.upperBound...]
    }
    parts.append(Data(rest))
    return parts.enumerated().map { CatalogLoader.Document(path: "Forms/f\($0.offset).yaml", data: $0.element) }
}

/// Stops with `message` (kept in release builds, unlike a precondition's) when `condition` fails.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// The number of lines of `text` as the diagnostic renderer counts them (`\n`, `\r\n` and `\r` end a line).
private func lineCount(_ text: String) -> Int {
    1 + text.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
}

/// Stops (so libFuzzer reports a crash) when a diagnostic points outside its file, where the
/// renderer could show no excerpt for it.
private func checkLocations(_ diagnostics: [Diagnostic], sources: [String: String]) {
    for diagnostic in diagnostics {
        let locations = [diagnostic.location].compactMap { $0 } + diagnostic.notes.compactMap(\.location)
        for location in locations {
            let lines = lineCount(sources[location.file] ?? "")
            check(location.line >= 1 && location.column >= 1, "location before the file: \(diagnostic)")
            check(location.line <= lines, "location after the file (\(lines) lines): \(diagnostic)")
        }
    }
}

/// One input: the strict YAML reader, the answers-file reader, then the same bytes as a catalog
/// (decoders, linker and every check) with its diagnostics rendered as `formrunner validate` would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let read = YAMLReader().read(data, path: "Forms/f.yaml")
    check(read.root != nil || read.diagnostics.hasErrors, "no tree and no error")
    checkLocations(read.diagnostics, sources: ["Forms/f.yaml": read.text])
    _ = AnswersFile.read(data, path: "answers.yaml")

    let result = CatalogLoader().load(documents: documents(data), templates: templates)
    checkLocations(result.diagnostics, sources: result.catalog.sources)
    _ = DiagnosticRenderer(sources: result.catalog.sources).render(result.diagnostics)
    if result.isValid {
        // A valid catalog must be usable: every condition evaluates on no answers.
        for form in result.catalog.forms.values {
            for field in form.fields { _ = field.isShown(given: [:]) }
        }
    }
    return 0
}
