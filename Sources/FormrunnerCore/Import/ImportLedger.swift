/// Collects what an importer drops, and hands out field ids that are valid and unique.
final class ImportLedger {
    let file: String
    private(set) var losses: [ImportLoss] = []
    private var used: Set<String> = []

    init(file: String) { self.file = file }

    /// The losses in the order of their lines; those on one line in the order they were found.
    var lossesByLine: [ImportLoss] {
        losses.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    func lose(_ message: String, subject: String, line: Int) {
        let loss = ImportLoss(file: file, line: line, subject: subject, message: message)
        if !losses.contains(loss) { losses.append(loss) }
    }

    /// A field id from `wanted` (slugged), unique in the form: `name`, `name_2`, ….
    func fieldID(_ wanted: String, fallback: String) -> String {
        let base = ImportSlug.fieldID(wanted)
        return ImportSlug.unique(base.isEmpty ? fallback : base, among: &used)
    }
}
