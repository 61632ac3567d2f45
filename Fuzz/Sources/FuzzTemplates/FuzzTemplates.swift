import Foundation
import FormrunnerCore
import FormrunnerNotify

/// Stops with `message` (kept in release builds, unlike a precondition's) when `condition` fails.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Every variable a ticket or code e-mail is given, each with a value.
private let context = TemplateContext(Dictionary(uniqueKeysWithValues: TemplateCheck.ticketVariables
    .union(TemplateCheck.codeVariables).map { ($0, "v<&>\"'") }))

/// The number of lines of `text` as the checker counts them (`\r\n` read as `\n`).
private func lineCount(_ text: String) -> Int {
    1 + text.replacingOccurrences(of: "\r\n", with: "\n").utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
}

/// One input: the text as the e-mail template `fuzz`, checked as `formrunner validate` checks it
/// (bounds, `Subject:` line, Mustache syntax, known variables); every problem must be located inside
/// the template, and a template the check accepts must render (subject on one line) as every
/// `tickets create` would render it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let source = String(decoding: data, as: UTF8.self)
    let file = "Workflows/templates/fuzz.mustache"
    let catalog = CatalogLoader().load(documents: [], templates: ["fuzz": source]).catalog
    let diagnostics = TemplateCheck.diagnostics(of: catalog, path: { _ in file })
    let lines = lineCount(source)
    for diagnostic in diagnostics {
        guard let location = diagnostic.location else {
            check(false, "a template problem without a location: \(diagnostic)")
            continue
        }
        check(location.file == file, "a template problem in another file: \(diagnostic)")
        check(location.line >= 1 && location.column >= 1, "location before the template: \(diagnostic)")
        check(location.line <= lines, "location after the template (\(lines) lines): \(diagnostic)")
    }
    _ = DiagnosticRenderer(sources: [file: source]).render(diagnostics)
    let renderer = MessageRenderer(catalog: catalog)
    do {
        let email = try renderer.render(template: "fuzz", context: context)
        check(!email.subject.contains("\n") && !email.subject.contains("\r"), "a subject on several lines: \(email.subject.debugDescription)")
    } catch {
        check(!diagnostics.isEmpty, "validate accepts a template that does not render: \(error)")
    }
    return 0
}
