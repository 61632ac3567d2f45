import FormrunnerCore

/// What a page needs to know of a form's fields as a whole, worked out once per form (a page
/// asked it of every field definition on every request, copying each).
struct FormLayout: Sendable {
    /// The fields' ids, in the form's order.
    let ids: [String]
    /// Whether each field (by position) has a `when:` of its own or of its section.
    let conditional: [Bool]
    /// Whether the form has a files field (the page posts `multipart/form-data`).
    let multipart: Bool
    /// Whether the form has a repeatable group.
    let hasGroups: Bool
    /// The ids of its files fields.
    let fileFieldIDs: [String]
    /// The fields shown before anything is answered, by position and as ``Shown``.
    private let flagsUnanswered: [Bool]
    private let shownUnanswered: Shown
    /// Whether any field has a `when:` (of its own or of its section).
    private let hasConditions: Bool

    /// The fields shown for some answers: their ids, and the list the page's `_shown` field holds
    /// (sorted, separated by commas).
    struct Shown: Sendable {
        let ids: Set<String>
        let list: String

        init(_ ids: Set<String>) {
            self.ids = ids
            list = ids.sorted().joined(separator: ",")
        }
    }

    init(_ form: FormDefinition) {
        ids = form.fields.map(\.id)
        conditional = form.fields.map { $0.condition != nil || $0.sectionCondition != nil }
        multipart = form.fields.contains { $0.type == .files }
        hasGroups = form.fields.contains { $0.type == .group }
        fileFieldIDs = form.fields.filter { $0.type == .files }.map(\.id)
        hasConditions = conditional.contains(true)
        let flags = Self.shownFlags(form, ids: ids, conditional: conditional, given: [:])
        let ids = ids
        flagsUnanswered = flags
        shownUnanswered = Shown(Set(ids.indices.filter { flags[$0] }.map { ids[$0] }))
    }

    /// Whether this is the layout of `form`'s fields (the same ids in the same order).
    func describes(_ form: FormDefinition) -> Bool {
        ids.count == form.fields.count && ids.indices.allSatisfy { ids[$0] == form.fields[$0].id }
    }

    /// Which fields are shown for `answers`, in the form's order: a field's condition sees the
    /// answers of the fields before it that are shown; a field without one is always shown.
    func shownIDs(_ form: FormDefinition, given answers: [String: AnswerValue]) -> Set<String> {
        shown(form, given: answers).ids
    }

    /// ``shownIDs(_:given:)`` with the `_shown` list; the same fields as before any answer (most
    /// pages) cost no new set and no new list.
    func shown(_ form: FormDefinition, given answers: [String: AnswerValue]) -> Shown {
        guard !answers.isEmpty, hasConditions else { return shownUnanswered }
        let flags = Self.shownFlags(form, ids: ids, conditional: conditional, given: answers)
        if flags == flagsUnanswered { return shownUnanswered }
        return Shown(Set(ids.indices.filter { flags[$0] }.map { ids[$0] }))
    }

    private static func shownFlags(_ form: FormDefinition, ids: [String], conditional: [Bool],
                                   given answers: [String: AnswerValue]) -> [Bool] {
        // Only a condition reads the answers shown before it: none are gathered after the last one.
        let lastConditional = conditional.lastIndex(of: true) ?? -1
        var visible: [String: AnswerValue] = [:]
        var flags = [Bool](repeating: false, count: ids.count)
        for index in ids.indices where !conditional[index] || form.fields[index].isShown(given: visible) {
            flags[index] = true
            if index < lastConditional, let answer = answers[ids[index]] { visible[ids[index]] = answer }
        }
        return flags
    }
}
