import Foundation
import FormrunnerCore

/// Reads from a large store: lookups by number, the first page of each status, searches and counts.
///
/// The database is built once through the store's schema with ``BulkLoader`` and kept (as
/// `tickets-<scale>-v<version>.sqlite` in the data folder, or the PostgreSQL database
/// `formrunner_bench_tickets_<scale>_v<version>`); later runs reuse it. Tickets were filed over three
/// years, one every few minutes; the newest 5% are open (40%), awaiting a reply (20%) or solved (40%),
/// all older ones closed.
struct QueryBenchmark: Sendable {
    /// Bump when the synthetic content changes, so that an older cached file is not reused (2: the
    /// SQLite files list every search word in `ticket_search_term`, as the store does since "v13 search terms";
    /// 3: the tickets carry their report figures, `reopens` 0 and the solved and closed instants, as the desk writes them).
    static let dataVersion = 3
    static let statuses = ["open", "awaiting_reply", "solved", "closed"]

    var catalog: Catalog
    var backend: any BenchBackend
    var scale: Int
    var lookups: Int
    var rebuild: Bool

    func run() async throws -> [Measurement] {
        let name = try await database()
        return try await backend.withStore(name) { store in try await measure(store) }
    }

    private func measure(_ store: any TicketStore) async throws -> [Measurement] {
        let scale = self.scale, lookups = self.lookups
        var random = SplitMix64(seed: 2026_11_25)
        let numbers = (0..<max(lookups, 1000)).map { _ in Int64.random(in: 1...Int64(scale), using: &random) }
        let generator = SyntheticTickets()
        let phrases = (0..<1000).map { _ -> String in
            let words = generator.answers(for: Int.random(in: 0..<scale, using: &random)).titleWords
            let first = words.randomElement(using: &random)!
            let second = words.filter { $0 != first }.randomElement(using: &random) ?? first
            return "\(first) \(second)"
        }
        for number in numbers.prefix(1000) { _ = try await store.ticket(number) }  // warm the page cache

        var results: [Measurement] = []
        results.append(try await Measurement.timing("`ticket(number)`, random numbers", count: lookups) { index in
            guard try await store.ticket(numbers[index]) != nil else { throw BenchFailure("ticket \(numbers[index]) is missing") }
        })
        for status in Self.statuses {
            var found = 0
            var row = try await Measurement.timing("`list(status: \(status), limit: 20)`, first page", count: 1000) { _ in
                found = try await store.list(status: status, before: nil, limit: 20).count
            }
            row.note = "\(found) tickets a page"
            results.append(row)
        }
        results.append(try await Measurement.timing("`search` by number", count: 1000) { index in
            guard try await store.search("#\(numbers[index])", limit: 20).count == 1 else {
                throw BenchFailure("search did not find ticket \(numbers[index])")
            }
        })
        var hits = 0
        var search = try await Measurement.timing("`search` two words (from a random title)", count: phrases.count) { index in
            let found = try await store.search(phrases[index], limit: 20).count
            guard found > 0 else { throw BenchFailure("search '\(phrases[index])' found nothing") }
            hits += found
        }
        search.note = String(format: "limit 20, %.1f results on average", Double(hits) / Double(phrases.count))
        results.append(search)
        var total = 0
        for status in Self.statuses {
            var counted = 0
            var row = try await Measurement.timing("`count(status: \(status))`", count: 20) { _ in
                counted = try await store.count(status: status)
            }
            row.note = "\(ReportTable.grouped(counted)) tickets"
            total += counted
            results.append(row)
        }
        guard total == scale else { throw BenchFailure("the statuses count \(total) tickets, not \(scale)") }
        return results
    }

    /// The name of the cached database, built first if missing (or if asked to).
    private func database() async throws -> String {
        let name = "tickets-\(scale)-v\(Self.dataVersion)"
        if !rebuild, try await backend.exists(name) { return name }
        let building = name + "-building"
        let scale = self.scale
        let end = CreateBenchmark.start
        let spacing = 3 * 365 * 86_400 / Double(scale)
        let clock = ContinuousClock()
        let began = clock.now
        try await BulkLoader(rows: try SyntheticRows(catalog: catalog), backend: backend)
            .build(building, count: scale, label: "building the \(ReportTable.grouped(scale))-ticket database") { index in
                let created = end.addingTimeInterval(-Double(scale - index) * spacing)
                guard index >= scale - scale / 20 else { return (created, .closed) }
                switch index % 5 {
                case 0, 1: return (created, .open)
                case 2: return (created, .awaitingReply)
                default: return (created, .solved(closeAfter: 4 * 86_400))
                }
            }
        try await backend.rename(building, to: name)
        let size = try await backend.bytes(name)
        FileHandle.standardError.write(Data("built \(backend.label) database \(name) (\(size / 1_000_000) MB) in \(began.duration(to: clock.now).formatted)\n".utf8))
        return name
    }
}
