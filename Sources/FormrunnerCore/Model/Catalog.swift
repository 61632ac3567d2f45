/// Every definition of a support desk, loaded, linked and validated.
public struct Catalog: Sendable {
    public var forms: [String: FormDefinition] = [:]
    public var optionLists: [String: OptionList] = [:]
    public var fieldGroups: [String: FieldGroup] = [:]
    public var workflows: [String: WorkflowDefinition] = [:]
    public var lifecycles: [String: LifecycleDefinition] = [:]
    public var calendars: [String: CalendarDefinition] = [:]
    /// Template names available under `Workflows/templates/`, with their text.
    public var templates: [String: String] = [:]
    /// The desk's configuration from `formrunner.yaml`, when the catalog has one.
    public var configuration: DeskConfiguration?
    /// The text of every file read, by path, for diagnostics.
    public var sources: [String: String] = [:]

    public init() {}

    /// Forms sorted by id.
    public var sortedForms: [FormDefinition] { forms.values.sorted { $0.id < $1.id } }

    /// The life cycle that the tickets of `form` follow: the form's own, else the first flow's that leads to it.
    public func lifecycle(forForm form: FormDefinition) -> LifecycleDefinition? {
        if let id = form.lifecycleID { return lifecycles[id] }
        let flow = workflows.values.sorted { $0.id < $1.id }.first { $0.formIDs.contains(form.id) }
        return flow.flatMap { lifecycles[$0.lifecycleID] }
    }
}
