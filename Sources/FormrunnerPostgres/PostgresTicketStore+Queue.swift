import FormrunnerCore
import PostgresNIO

extension PostgresTicketStore {
    public func queue(_ query: TicketQueueQuery) async throws -> [Ticket] {
        guard let numbers = PostgresQueue.numbers(query) else { return [] }
        return try await read { rows in
            var found: [Int64] = []
            for try await number in try await rows.run(numbers).decode(Int64.self) { found.append(number) }
            return try await rows.tickets(numbered: found)
        }
    }
}
