/// The order `formrunner fmt` writes the keys of each mapping of the language in: the order the
/// language's reference (docs/language.md) lists them, which is the order the decoders declare
/// them. Keys it does not know (a newer key, a mistake) follow, in the order they were written.
enum CanonicalKeyOrder {
    /// The keys of the mapping at `path` (keys from the root; `-` for a list item, `*` for any key)
    /// of a document of `kind`, in order; `nil` to keep the written order.
    static func order(kind: String, path: [String], mapping: YAMLMapping) -> [String]? {
        if !mapping.entries.isEmpty, mapping.entries.allSatisfy({ LocalizedText.supportedLanguages.contains($0.key.value) }) {
            return LocalizedText.supportedLanguages
        }
        if path.isEmpty { return rootKeys[kind] }
        if kind == "workflow", matches(path, ["steps", "-"]) {
            let type = scalar(mapping["type"])
            return WorkflowDecoder.commonStepKeys + (type.flatMap { WorkflowDecoder.stepKeys[$0] } ?? [])
        }
        if path.last == "-", path.dropLast().last == "fields", scalar(mapping["type"]) == "note" {
            return FormDecoder.noteKeys
        }
        for (pattern, keys) in nested[kind] ?? [] where matches(path, pattern) {
            return keys
        }
        return nil
    }

    /// The text of a scalar value.
    private static func scalar(_ node: YAMLNode?) -> String? {
        if case .scalar(let scalar)? = node { return scalar.value }
        return nil
    }

    /// The keys of each kind of document, its id first.
    static let rootKeys: [String: [String]] = [
        // As docs/language.md's examples write them: the life cycle beside the team, before the description.
        "form": ["form", "version", "title", "team", "lifecycle", "description", "fields", "sections", "rules"],
        "option_list": ["option_list", "options"],
        "field_group": ["field_group", "title", "fields"],
        "workflow": ["workflow", "title", "team", "lifecycle", "description", "steps"],
        "lifecycle": LifecycleDecoder.lifecycleKeys,
        "calendar": CalendarDecoder.calendarKeys,
        "teams": ["teams"],
        "priorities": DeskDecoder.priorityDocumentKeys,
        "macros": ["macros"],
    ]

    /// The keys of the fields (and their options and limits) of a list of fields at `fields`.
    static func fieldPatterns(at fields: [String]) -> [([String], [String])] {
        [
            (fields + ["-"], FormDecoder.fieldKeys + ["group"]),
            (fields + ["-", "options", "-"], FormDecoder.optionKeys),
            (fields + ["-", "limits"], FormDecoder.limitKeys),
        ]
    }

    static let nested: [String: [([String], [String])]] = [
        "form": fieldPatterns(at: ["fields"]) + fieldPatterns(at: ["sections", "-", "fields"]) + [
            (["sections", "-"], FormDecoder.sectionKeys),
            (["rules", "-"], FormDecoder.ruleKeys),
        ],
        "field_group": fieldPatterns(at: ["fields"]),
        "option_list": [(["options", "-"], FormDecoder.optionKeys)],
        "workflow": [
            (["steps", "-", "subjects", "-"], ["id", "label", "form"]),
            (["steps", "-", "guidance", "-"], FormDecoder.optionKeys),
            (["steps", "-", "languages", "-"], FormDecoder.optionKeys),
            (["steps", "-", "scenarios", "-"], FormDecoder.optionKeys),
        ],
        "lifecycle": [
            (["statuses", "*"], LifecycleDecoder.statusKeys),
            (["transitions", "-"], ["event", "label", "from", "to", "by", "after", "notify"]),
            (["transitions", "-", "after"], LifecycleDecoder.timerKeys),
            (["transitions", "-", "notify"], ["requester", "agent"]),
            (["survey"], LifecycleDecoder.surveyKeys),
            (["survey", "expires"], LifecycleDecoder.surveyExpiryKeys),
        ],
        "calendar": [
            (["working_hours"], Weekday.allCases.map(\.name)),
            (["holidays", "-"], CalendarDecoder.holidayKeys),
        ],
        "teams": [(["teams", "-"], DeskDecoder.teamKeys)],
        "priorities": [
            (["priorities", "-"], DeskDecoder.levelKeys),
            (["priorities", "-", "*"], DeskDecoder.targetKeys),
            (["rules", "-"], DeskDecoder.ruleKeys),
        ],
        "macros": [(["macros", "-"], MacroDecoder.macroKeys)],
    ]

    /// Whether `path` is `pattern`, where `*` in the pattern stands for any key.
    static func matches(_ path: [String], _ pattern: [String]) -> Bool {
        path.count == pattern.count && zip(path, pattern).allSatisfy { $1 == "*" ? $0 != "-" : $0 == $1 }
    }

    /// `mapping`'s entries in canonical order: the keys of `order` first, in its order, then the rest
    /// as written (the first key of a document stays first: it says what the document is).
    static func sorted(_ entries: [YAMLMapping.Entry], by order: [String]?, keepFirst: Bool) -> [YAMLMapping.Entry] {
        guard let order else { return entries }
        let head = keepFirst ? Array(entries.prefix(1)) : []
        let rest = keepFirst ? Array(entries.dropFirst()) : entries
        let known = rest.filter { order.contains($0.key.value) }
            .sorted { (order.firstIndex(of: $0.key.value) ?? 0) < (order.firstIndex(of: $1.key.value) ?? 0) }
        let unknown = rest.filter { !order.contains($0.key.value) }
        return head + known + unknown
    }
}
