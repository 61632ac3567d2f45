/// The documents of a catalog, decoded but not yet linked, sorted by kind.
struct DocumentSet {
    /// The kinds of document, by the key that starts them.
    static let kinds = ["form", "option_list", "field_group", "workflow", "lifecycle", "calendar", "teams", "priorities", "macros"]

    var forms: [FormDefinition] = []
    var optionLists: [OptionList] = []
    var fieldGroups: [FieldGroup] = []
    var workflows: [WorkflowDefinition] = []
    var lifecycles: [LifecycleDefinition] = []
    var calendars: [CalendarDefinition] = []
    /// Every `teams` document's teams, with the file each came from.
    var teams: [(team: TeamDefinition, file: String)] = []
    var priorities: [PriorityScheme] = []
    /// Every `macros` document's canned replies.
    var macros: [MacroDefinition] = []

    /// How many documents have been decoded.
    var count: Int {
        forms.count + optionLists.count + fieldGroups.count + workflows.count + lifecycles.count + calendars.count
            + teams.count + priorities.count + macros.count
    }

    /// Decodes one file's root node by its first key.
    mutating func add(_ root: YAMLNode, file: String, sink: DiagnosticSink) {
        guard case .mapping(let mapping) = root, let first = mapping.entries.first else {
            // Nothing was left but what a syntax error made unreadable, and that is reported.
            if sink.unreadableKeys[file] != nil { return }
            sink.error(.unknownDocumentKind, "a definition file must be a mapping that starts with one of: \(Self.kinds.joined(separator: ", "))",
                       at: root.location)
            return
        }
        // When the line that says what the document is was left out after a syntax error, its kind
        // still is known, and the rest of the document is decoded for its own mistakes.
        let leftOutKind = sink.unreadableKeys[file]?.first(where: Self.kinds.contains)
        let kind = Self.kinds.contains(first.key.value) ? first.key.value : leftOutKind ?? first.key.value
        let before = count
        defer {
            if count == before, case .scalar(let id) = first.value { sink.brokenIDs.insert(id.value) }
        }
        switch kind {
        case "form": forms += [FormDecoder(sink: sink, file: file).form(mapping)].compactMap { $0 }
        case "option_list": optionLists += [FormDecoder(sink: sink, file: file).optionList(mapping)].compactMap { $0 }
        case "field_group": fieldGroups += [FormDecoder(sink: sink, file: file).fieldGroup(mapping)].compactMap { $0 }
        case "workflow": workflows += [WorkflowDecoder(sink: sink, file: file).workflow(mapping)].compactMap { $0 }
        case "lifecycle": lifecycles += [LifecycleDecoder(sink: sink, file: file).lifecycle(mapping)].compactMap { $0 }
        case "calendar": calendars += [CalendarDecoder(sink: sink, file: file).calendar(mapping)].compactMap { $0 }
        case "teams": teams += DeskDecoder(sink: sink, file: file).teams(mapping).map { ($0, file) }
        case "macros": macros += MacroDecoder(sink: sink, file: file).macros(mapping)
        case "priorities": priorities += [DeskDecoder(sink: sink, file: file).priorities(mapping)].compactMap { $0 }
        default:
            let present = mapping.entries.map(\.key.value).first { Self.kinds.contains($0) }
            let hint = present.map { "; put '\($0)' first" } ?? Suggestion.hint(for: kind, in: Self.kinds)
            sink.error(.unknownDocumentKind, "unknown document kind '\(kind)': the first key must be one of \(Self.kinds.joined(separator: ", "))" + hint,
                       at: first.key.location)
        }
    }
}
