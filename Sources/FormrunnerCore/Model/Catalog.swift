/// Every definition of a support desk, loaded, linked and validated.
public struct Catalog: Sendable {
    public var forms: [String: FormDefinition] = [:]
    public var optionLists: [String: OptionList] = [:]
    public var fieldGroups: [String: FieldGroup] = [:]
    public var workflows: [String: WorkflowDefinition] = [:]
    public var lifecycles: [String: LifecycleDefinition] = [:]
    public var calendars: [String: CalendarDefinition] = [:]
    /// The agents' teams (`teams` documents), by id; empty when the catalog declares none.
    public var teams: [String: TeamDefinition] = [:]
    /// The priorities and their rules (a `priorities` document), if the catalog has one.
    public var priorities: PriorityScheme?
    /// The agents' canned replies (`macros` documents), by id.
    public var macros: [String: MacroDefinition] = [:]
    /// Template names available under `Workflows/templates/`, with their text.
    public var templates: [String: String] = [:]
    /// The desk's configuration from `formrunner.yaml`, when the catalog has one.
    public var configuration: DeskConfiguration?
    /// The text of every file read, by path, for diagnostics.
    public var sources: [String: String] = [:]

    public init() {}

    /// Forms sorted by id.
    public var sortedForms: [FormDefinition] { forms.values.sorted { $0.id < $1.id } }

    /// The priority a new ticket of `form` with `answers` gets, if the catalog has priorities.
    public func priority(of form: FormDefinition, answers: [String: AnswerValue]) -> String? {
        priorities?.priority(form: form.id, team: form.team, answers: answers)
    }

    /// The calendar a team's SLA clocks count in: the team's own, else the one of `lifecycle`.
    public func calendar(team: String?, lifecycle: LifecycleDefinition?) -> BusinessCalendar? {
        let id = team.flatMap { teams[$0]?.calendar?.id } ?? lifecycle?.calendar?.id
        return id.flatMap { calendars[$0]?.calendar }
    }

    /// The life cycle that the tickets of `form` follow: the form's own, else the first flow's that leads to it.
    public func lifecycle(forForm form: FormDefinition) -> LifecycleDefinition? {
        if let id = form.lifecycleID { return lifecycles[id] }
        let flow = workflows.values.sorted { $0.id < $1.id }.first { $0.formIDs.contains(form.id) }
        return flow.flatMap { lifecycles[$0.lifecycleID] }
    }
}
