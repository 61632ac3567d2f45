import Foundation
@testable import FormrunnerCore
import Testing

/// What the desk derives from a life cycle is worked out once per life cycle, and is what working it
/// out afresh gives.
@Suite("Life cycle facts kept by the desk")
struct LifecycleFactsTests {
    static let catalog = CatalogLoader(root: Fixtures.repository).load().catalog

    @Test("for every life cycle of the catalog: the report statuses and the settled statuses, as computed afresh")
    func sameAsAfresh() {
        let desk = TicketDesk(catalog: Self.catalog, store: InMemoryTicketStore(), composer: SLAPauseTests.PlainComposer())
        #expect(!Self.catalog.lifecycles.isEmpty)
        for lifecycle in Self.catalog.lifecycles.values {
            for _ in 0..<2 {
                let facts = desk.lifecycleFacts.facts(of: lifecycle, in: Self.catalog)
                #expect(facts.reportStatuses == ReportStatuses(catalog: Self.catalog, lifecycle: lifecycle))
                #expect(facts.settled == desk.settledStatuses(of: lifecycle))
                #expect(facts.settledSet == Set(desk.settledStatuses(of: lifecycle)))
            }
        }
    }

    @Test("a life cycle that is not the catalog's own under its id is worked out afresh, not kept")
    func foreignLifecycle() throws {
        let desk = TicketDesk(catalog: Self.catalog, store: InMemoryTicketStore(), composer: SLAPauseTests.PlainComposer())
        var foreign = try #require(Self.catalog.lifecycles.values.sorted { $0.id < $1.id }.first)
        let own = foreign
        foreign.statuses = foreign.statuses.map { status in
            var final = status
            final.isFinal = true
            return final
        }
        let facts = desk.lifecycleFacts.facts(of: foreign, in: Self.catalog)
        #expect(facts.settled == desk.settledStatuses(of: foreign))
        #expect(desk.lifecycleFacts.facts(of: own, in: Self.catalog).settled == desk.settledStatuses(of: own))
        #expect(facts.settled != desk.settledStatuses(of: own))
    }
}
