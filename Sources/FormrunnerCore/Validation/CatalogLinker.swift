/// Links decoded documents into a ``Catalog``: ids are registered once, references are resolved,
/// and every cross-document rule is checked.
struct CatalogLinker {
    let sink: DiagnosticSink

    func link(_ documents: DocumentSet, into catalog: inout Catalog) {
        var ids = IdRegistry(sink: sink)
        for list in documents.optionLists where ids.register(list.id, kind: "option list", at: list.location) {
            catalog.optionLists[list.id] = list
        }
        for group in documents.fieldGroups where ids.register(group.id, kind: "field group", at: group.location) {
            catalog.fieldGroups[group.id] = group
        }
        for calendar in documents.calendars where ids.register(calendar.id, kind: "calendar", at: calendar.location) {
            catalog.calendars[calendar.id] = calendar
        }
        for lifecycle in documents.lifecycles where ids.register(lifecycle.id, kind: "lifecycle", at: lifecycle.location) {
            catalog.lifecycles[lifecycle.id] = lifecycle
        }
        let formLinker = FormLinker(sink: sink, optionLists: catalog.optionLists, fieldGroups: catalog.fieldGroups)
        for form in documents.forms where ids.register(form.id, kind: "form", at: form.location) {
            catalog.forms[form.id] = formLinker.link(form)
        }
        for group in catalog.fieldGroups.values {
            _ = formLinker.expand(group.items, owner: "field group '\(group.id)'")
        }
        for flow in documents.workflows where ids.register(flow.id, kind: "workflow", at: flow.location) {
            catalog.workflows[flow.id] = flow
        }
        let lifecycleChecker = LifecycleChecker(sink: sink, catalog: catalog)
        for lifecycle in catalog.lifecycles.values { lifecycleChecker.check(lifecycle) }
        let flowChecker = FlowChecker(sink: sink, catalog: catalog)
        for flow in catalog.workflows.values { flowChecker.check(flow) }
        DeskChecker(sink: sink).link(documents, into: &catalog)
        catalog.assignTimeZones()
        for form in catalog.forms.values {
            if let id = form.lifecycleID, catalog.lifecycles[id] == nil {
                sink.unknownReference("lifecycle", id, among: catalog.lifecycles.keys, at: form.location)
            }
        }
    }
}

/// Every id of the catalog, so that a second definition with the same id is reported with both places.
struct IdRegistry {
    let sink: DiagnosticSink
    private var seen: [String: (kind: String, location: SourceLocation)] = [:]

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// Registers `id`; returns `false` (and reports) if it is already taken.
    mutating func register(_ id: String, kind: String, at location: SourceLocation) -> Bool {
        if let first = seen[id] {
            let what = first.kind == kind ? "another \(kind)" : "a \(first.kind)"
            sink.error("duplicate id '\(id)': \(what) already has it; ids are unique across the catalog",
                       at: location, notes: [.init("first defined here", at: first.location)])
            return false
        }
        seen[id] = (kind, location)
        return true
    }
}

extension Reference {
    /// `unknown form 'x'; did you mean 'y'?`.
    static func unknownMessage<S: Sequence>(_ kind: String, _ id: String, among candidates: S) -> String
    where S.Element == String {
        "unknown \(kind) '\(id)'" + Suggestion.hint(for: id, in: candidates.sorted())
    }
}
