import Foundation

extension InMemoryTicketStore {
    public func queue(_ query: TicketQueueQuery) async throws -> [Ticket] {
        guard query.limit > 0 else { return [] }
        return Array(tickets.values.filter(query.admits).sorted(by: TicketQueueQuery.precedes).prefix(query.limit))
    }
}
