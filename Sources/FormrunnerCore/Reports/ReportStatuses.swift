import Foundation

/// Which statuses of a life cycle the reports call solved, closed and open.
public struct ReportStatuses: Hashable, Sendable {
    /// Not final, and either a `resolved_in` status of the priorities or the survey's status.
    public var solved: Set<String>
    /// The final statuses.
    public var closed: Set<String>
    /// The others: work still to do (the backlog).
    public var open: Set<String>

    public init(catalog: Catalog, lifecycle: LifecycleDefinition) {
        closed = Set(lifecycle.statuses.filter(\.isFinal).map(\.id))
        var solved = Set(catalog.priorities?.resolvedIn.map(\.id) ?? [])
        if let survey = lifecycle.survey { solved.insert(survey.status.id) }
        self.solved = solved.subtracting(closed)
        open = Set(lifecycle.statuses.map(\.id)).subtracting(closed).subtracting(self.solved)
    }
}
