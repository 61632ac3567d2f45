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
                if case .mapping? = sequence.items.first {
                    answers[entry.key.value] = .group(groupItems(sequence, of: entry.key.value, problems: &problems))
                    continue
                }
                answers[entry.key.value] = .list(plainItems(sequence, of: entry.key.value, problems: &problems))
            case .mapping(let nested):
                problems.append(.error("expected a value or a list for '\(entry.key.value)', found a mapping", at: nested.location))
            }
        }
        return problems.isEmpty ? .success(answers) : .failure(DiagnosticsError(problems))
    }

    /// The plain values of a list (a multichoice's options, a files field's paths).
    private static func plainItems(_ sequence: YAMLSequence, of key: String, problems: inout [Diagnostic]) -> [String] {
        var items: [String] = []
        for item in sequence.items {
            guard case .scalar(let scalar) = item else {
                problems.append(.error("expected plain values in the list for '\(key)'", at: item.location))
                continue
            }
            items.append(scalar.value)
        }
        return items
    }

    /// The items of a group's answer: a list of mappings from the group's field ids to values.
    private static func groupItems(_ sequence: YAMLSequence, of key: String, problems: inout [Diagnostic]) -> [[String: RawAnswer]] {
        sequence.items.compactMap { item -> [String: RawAnswer]? in
            guard case .mapping(let mapping) = item else {
                problems.append(.error("expected an item (a mapping from field id to answer) in the list for '\(key)', "
                                       + "found \(item.kindDescription)", at: item.location))
                return nil
            }
            var answers: [String: RawAnswer] = [:]
            for entry in mapping.entries {
                switch entry.value {
                case .scalar(let scalar): answers[entry.key.value] = .single(scalar.isNull ? "" : scalar.value)
                case .sequence(let list): answers[entry.key.value] = .list(plainItems(list, of: entry.key.value, problems: &problems))
                case .mapping(let nested):
                    problems.append(.error("expected a value for '\(entry.key.value)' in an item of '\(key)', found a mapping",
                                           at: nested.location))
                }
            }
            return answers
        }
    }

    /// `field=value` → (field, value); `nil` when there is no `=` or no field.
    public static func setting(_ text: String) -> (field: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Adds `--set` settings to answers: a repeated field becomes a list (for multichoice and files);
    /// `orders[2].amount=3` sets a field of a group's second item (the items before it are added empty).
    public static func merging(_ settings: [(field: String, value: String)], into answers: [String: RawAnswer]) -> [String: RawAnswer] {
        var answers = answers
        var fromSettings: [String: [String]] = [:]
        var order: [String] = []
        for (field, value) in settings {
            if let (group, index, inner) = itemSetting(field) {
                var items: [[String: RawAnswer]] = []
                if case .group(let existing)? = answers[group] { items = existing }
                while items.count < index { items.append([:]) }
                items[index - 1][inner] = .single(value)
                answers[group] = .group(items)
                continue
            }
            if fromSettings[field] == nil { order.append(field) }
            fromSettings[field, default: []].append(value)
        }
        for field in order {
            let values = fromSettings[field] ?? []
            answers[field] = values.count == 1 ? .single(values[0]) : .list(values)
        }
        return answers
    }

    /// `orders[2].amount` → (`orders`, 2, `amount`); nil for any other key, or an index past the
    /// most items a group may take (101 at most, so that "too many items" can still be said).
    static func itemSetting(_ key: String) -> (group: String, index: Int, field: String)? {
        guard let open = key.firstIndex(of: "["), open != key.startIndex, let close = key.range(of: "]."),
              let index = Int(key[key.index(after: open)..<close.lowerBound]), (1...101).contains(index),
              close.upperBound < key.endIndex else { return nil }
        return (String(key[..<open]), index, String(key[close.upperBound...]))
    }
}
