import Foundation

/// Reads answers given as a file (YAML or JSON: a mapping from field id to a value or a list) and as
/// `field=value` settings, with the same strict reader as the definitions.
public enum AnswersFile {
    /// The answers in the file at `path`, or every problem with its location; nil when it cannot be
    /// read. A file over the reader's size limit is refused by its size, before it is read.
    public static func read(contentsOf path: String) -> Result<[String: RawAnswer], DiagnosticsError>? {
        let reader = YAMLReader(purpose: .answers)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
           size > reader.limits.maximumBytes {
            return .failure(DiagnosticsError([.error(
                "file is too large (\(size) bytes; \(reader.purpose.plural) are limited to \(reader.limits.maximumBytes) bytes)",
                at: SourceLocation(file: path, line: 1, column: 1))]))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return read(data, path: path)
    }

    /// The answers in `data` read from `path`, or every problem with its location.
    ///
    /// JSON is YAML to the reader, except for one thing: JSON writes a character beyond U+FFFF as a
    /// pair of `\uD8xx\uDCxx` escapes, which YAML refuses; they are read as the one character they are.
    public static func read(_ data: Data, path: String) -> Result<[String: RawAnswer], DiagnosticsError> {
        let result = YAMLReader(purpose: .answers).read(JSONSurrogates.joined(in: data), path: path)
        guard !result.diagnostics.hasErrors, let root = result.root else { return .failure(DiagnosticsError(result.diagnostics)) }
        return answers(in: root)
    }

    /// The answers `root` holds (a mapping from field id to a value or a list), or every problem with
    /// its location; definition tests write their answers this way too.
    public static func answers(in root: YAMLNode) -> Result<[String: RawAnswer], DiagnosticsError> {
        guard case .mapping(let mapping) = root else {
            return .failure(DiagnosticsError([.error("expected a mapping from field id to answer", at: root.location)]))
        }
        var answers: [String: RawAnswer] = [:]
        var problems: [Diagnostic] = []
        for entry in mapping.entries {
            switch entry.value {
            case .scalar(let scalar):
                answers[entry.key.value] = .single(scalar.isNull ? "" : scalar.value)
            case .sequence(let sequence):
                var items: [String] = []
                for item in sequence.items {
                    guard case .scalar(let scalar) = item else {
                        problems.append(.error("expected plain values in the list for '\(entry.key.value)'", at: item.location))
                        continue
                    }
                    items.append(scalar.value)
                }
                answers[entry.key.value] = .list(items)
            case .mapping(let nested):
                problems.append(.error("expected a value or a list for '\(entry.key.value)', found a mapping", at: nested.location))
            }
        }
        return problems.isEmpty ? .success(answers) : .failure(DiagnosticsError(problems))
    }

    /// `field=value` → (field, value); `nil` when there is no `=` or no field.
    public static func setting(_ text: String) -> (field: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Adds `--set` settings to answers: a repeated field becomes a list (for multichoice and files).
    public static func merging(_ settings: [(field: String, value: String)], into answers: [String: RawAnswer]) -> [String: RawAnswer] {
        var answers = answers
        var fromSettings: [String: [String]] = [:]
        var order: [String] = []
        for (field, value) in settings {
            if fromSettings[field] == nil { order.append(field) }
            fromSettings[field, default: []].append(value)
        }
        for field in order {
            let values = fromSettings[field] ?? []
            answers[field] = values.count == 1 ? .single(values[0]) : .list(values)
        }
        return answers
    }
}
