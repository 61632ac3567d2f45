import Foundation

/// What the desk derives from a life cycle of its catalog on every create and change — its report
/// statuses, its settled statuses, its paused ones — worked out once per life cycle instead of once
/// per call.
struct LifecycleFacts: Sendable {
    /// Which statuses the reports call solved, closed and open.
    var reportStatuses: ReportStatuses
    /// The statuses in which a ticket is no longer open work, sorted (see ``TicketDesk/settledStatuses(of:)``).
    var settled: [String]
    /// ``settled`` as a set.
    var settledSet: Set<String>

    init(catalog: Catalog, lifecycle: LifecycleDefinition) {
        reportStatuses = ReportStatuses(catalog: catalog, lifecycle: lifecycle)
        let resolved = catalog.priorities?.resolvedIn.map(\.id) ?? []
        settledSet = Set(resolved + lifecycle.statuses.filter(\.isFinal).map(\.id))
        settled = settledSet.sorted()
    }
}

/// The ``LifecycleFacts`` of one catalog's life cycles, made when first asked for and kept. One cache
/// is shared by a ``TicketDesk`` and its copies, whose catalog does not change.
final class LifecycleFactsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: LifecycleFacts] = [:]

    /// The facts of `lifecycle`, a life cycle of `catalog` (the catalog this cache is kept for).
    /// Kept by id: every caller passes the catalog's own life cycles (``TicketDesk`` looks them up
    /// in its catalog). Only a life cycle equal to the catalog's under its id is kept, so one that
    /// is not (asked for before the catalog's own) is worked out afresh and never kept; once the
    /// catalog's own is kept, its facts answer for that id.
    func facts(of lifecycle: LifecycleDefinition, in catalog: Catalog) -> LifecycleFacts {
        if let hit = lock.withLock({ kept[lifecycle.id] }) { return hit }
        let facts = LifecycleFacts(catalog: catalog, lifecycle: lifecycle)
        guard catalog.lifecycles[lifecycle.id] == lifecycle else { return facts }
        lock.withLock { kept[lifecycle.id] = facts }
        return facts
    }
}
