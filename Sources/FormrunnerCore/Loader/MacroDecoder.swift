/// Decodes the `macros` document (`Workflows/macros.yaml`): canned replies with a label and a body
/// per language.
struct MacroDecoder {
    let sink: DiagnosticSink
    let file: String

    static let macroKeys = ["id", "label", "body"]

    /// `macros: [{id, label, body}]`.
    func macros(_ mapping: YAMLMapping) -> [MacroDefinition] {
        let reader = MappingReader(mapping, context: "macros", keys: ["macros"], sink: sink)
        guard let node = reader.required("macros") else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of macros, found \(node.kindDescription)", at: node.location)
            return []
        }
        return sequence.items.compactMap(macro)
    }

    private func macro(_ node: YAMLNode) -> MacroDefinition? {
        guard let reader = MappingReader(node, context: "macro", keys: Self.macroKeys, sink: sink) else { return nil }
        let id = reader.identifier("id")
        let label = reader.label("label")
        let bodies = reader.required("body").flatMap(bodies)
        guard let id, let label, let bodies else { return nil }
        return MacroDefinition(id: id.id, label: label, bodies: bodies, location: id.location)
    }

    /// A body: text (English only) or `{en: …, pt: …, es: …}` with `en`.
    private func bodies(_ node: YAMLNode) -> [MacroDefinition.Body]? {
        let values = ValueReader(sink: sink)
        switch node {
        case .scalar(let scalar):
            guard values.string(node, what: "'body'") != nil else { return nil }
            return [body("en", scalar)]
        case .mapping(let mapping):
            var bodies: [MacroDefinition.Body] = []
            for entry in mapping.entries {
                guard LocalizedText.supportedLanguages.contains(entry.key.value) else {
                    sink.error(.unknownLanguage, "unknown language '\(entry.key.value)' in 'body'; use "
                               + LocalizedText.supportedLanguages.joined(separator: ", ")
                               + Suggestion.hint(for: entry.key.value, in: LocalizedText.supportedLanguages),
                               at: entry.key.location)
                    continue
                }
                if values.string(entry.value, what: "the '\(entry.key.value)' text of 'body'") != nil,
                   case .scalar(let scalar) = entry.value {
                    bodies.append(body(entry.key.value, scalar))
                }
            }
            guard bodies.contains(where: { $0.language == "en" }) else {
                if !mapping.entries.contains(where: { $0.key.value == "en" }) {
                    sink.error(.missingEnglish, "'body' has no English ('en') text, which every macro needs as its fallback", at: mapping.location)
                }
                return nil
            }
            return bodies
        case .sequence:
            sink.error(.wrongKind, "expected text or a mapping of languages for 'body', found a list", at: node.location)
            return nil
        }
    }

    private func body(_ language: String, _ scalar: YAMLScalar) -> MacroDefinition.Body {
        MacroDefinition.Body(language: language, text: scalar.value, location: scalar.contentLocation,
                             isBlock: scalar.style == .literal || scalar.style == .folded)
    }
}
