/// Reads the keys of one YAML mapping of the definition language, reporting unknown keys (with a
/// did-you-mean hint), missing required keys and values of the wrong kind.
struct MappingReader {
    let mapping: YAMLMapping
    /// How messages name the mapping: "form", "field 'title'", "transition".
    let context: String
    let sink: DiagnosticSink

    /// Reads `node` as a mapping that may hold `keys`; reports and returns `nil` if it is not a mapping.
    init?(_ node: YAMLNode, context: String, keys: [String], sink: DiagnosticSink) {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a mapping for \(context), found \(node.kindDescription)", at: node.location)
            return nil
        }
        self.init(mapping, context: context, keys: keys, sink: sink)
    }

    /// Reads `mapping`, which may hold `keys`.
    init(_ mapping: YAMLMapping, context: String, keys: [String], sink: DiagnosticSink) {
        self.mapping = mapping
        self.context = context
        self.sink = sink
        for entry in mapping.entries where !keys.contains(entry.key.value) {
            let hint = BorrowedVocabulary.keyHint(for: entry.key.value, allowed: keys)
                ?? Suggestion.hint(for: entry.key.value, in: keys)
            sink.error(.unknownKey, "unknown key '\(entry.key.value)' in \(context)" + hint, at: entry.key.location)
        }
    }

    var location: SourceLocation { mapping.location }

    /// The value of `key`, if written (a null value counts as not written).
    func optional(_ key: String) -> YAMLNode? {
        guard let value = mapping[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.isNull { return nil }
        return value
    }

    /// The value of `key`; reports a missing key at the mapping.
    func required(_ key: String) -> YAMLNode? {
        if let value = optional(key) { return value }
        // A top-level key whose lines were left out after a YAML syntax error is already reported.
        if mapping.location.column == 1, sink.unreadableKeys[mapping.location.file]?.contains(key) == true { return nil }
        if let written = mapping.entry(key) {
            sink.error(.missingKey, "'\(key)' in \(context) has no value", at: written.key.location)
        } else if !mapping.entries.contains(where: {
            Suggestion.closest(to: $0.key.value, in: [key]) != nil || BorrowedVocabulary.keys[$0.key.value.lowercased()] == key
        }) {
            // A misspelt key, or another tool's word for it, has already been reported with a hint naming this one.
            sink.error(.missingKey, "missing key '\(key)' in \(context)", at: mapping.location)
        }
        return nil
    }

    /// Whether `key` is written at all.
    func has(_ key: String) -> Bool { mapping[key] != nil }

    /// Where `key` is written, or the mapping's location.
    func keyLocation(_ key: String) -> SourceLocation {
        mapping.entry(key)?.key.location ?? mapping.location
    }

    // MARK: - Typed values

    func string(_ key: String, required: Bool = true) -> String? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).string(node, what: "'\(key)'")
    }

    func scalar(_ key: String, required: Bool = true) -> YAMLScalar? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).scalar(node, what: "'\(key)'")
    }

    func identifier(_ key: String, required: Bool = true) -> Reference? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).identifier(node, what: "'\(key)'")
    }

    func label(_ key: String, required: Bool = true) -> LocalizedText? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).label(node, what: "'\(key)'")
    }

    func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).integer(node, what: "'\(key)'", range: range)
    }

    func number(_ key: String, required: Bool = true) -> Double? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).number(node, what: "'\(key)'")
    }

    func boolean(_ key: String) -> Bool? {
        guard let node = optional(key) else { return nil }
        return ValueReader(sink: sink).boolean(node, what: "'\(key)'")
    }

    /// A list of identifiers; a single identifier is accepted as a list of one.
    func identifiers(_ key: String, required: Bool = true) -> [Reference]? {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).list(node, what: "'\(key)'") { ValueReader(sink: sink).identifier($0, what: "an item of '\(key)'") }
    }

    /// A list of words from a fixed vocabulary (`methods: [password, google]`).
    func keywords<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, required: Bool = true) -> [T]?
    where T.RawValue == String {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        let reader = ValueReader(sink: sink)
        return reader.list(node, what: "'\(key)'") { reader.keyword($0, as: type, what: "'\(key)'") }
    }

    /// One word from a fixed vocabulary.
    func keyword<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let node = required ? self.required(key) : optional(key) else { return nil }
        return ValueReader(sink: sink).keyword(node, as: type, what: "'\(key)'")
    }
}
