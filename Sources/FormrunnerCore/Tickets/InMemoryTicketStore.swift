import Foundation

/// A ticket store that keeps everything in memory for as long as it lives: for tests, dry runs and
/// `memory:`. It follows the ``TicketStore`` contract exactly like the SQLite store; of attachments it
/// keeps the digests it verified and copies of the files in a temporary folder of its own.
public actor InMemoryTicketStore: TicketStore {
    /// Every ticket by number (internal for the queue's extension).
    var tickets: [Int64: Ticket] = [:]
    /// Ticket numbers in creation order (ascending).
    private var numbers: [Int64] = []
    private var searchWords: [Int64: [String]] = [:]
    private var submissionKeys: [String: Int64] = [:]
    private var histories: [Int64: [HistoryEntry]] = [:]
    /// Every outbox message in the order written.
    private var messages: [OutboxMessage] = []
    var messageIndex: [String: Int] = [:]
    private var lastNumber: Int64 = 0
    /// Digests of attachment content verified so far.
    private var digests: Set<String> = []
    /// Each attachment's copy, in a temporary folder of this store's own (removed with the store).
    private var fileURLs: [String: URL] = [:]
    private let copies = FileManager.default.temporaryDirectory
        .appendingPathComponent("formrunner-memory-\(UUID().uuidString)", isDirectory: true)
    /// Claimed timers: ticket number → event → end of the claim. Dropped when the ticket is written.
    private var timerClaims: [Int64: [String: Date]] = [:]
    /// Each team's last automatically assigned agent.
    private var teamCursors: [String: String] = [:]
    /// Assistant sessions by id (see ``AssistantSessionStore``).
    var assistantSessionsByID: [String: AssistantSession] = [:]

    /// An empty store; its first ticket is number 1.
    public init() {}

    deinit {
        try? FileManager.default.removeItem(at: copies)
    }

    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       assignment: AssignmentRequest?,
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try ticket.requireStorable()
        if let submissionKey, let existing = submissionKeys[submissionKey] {
            throw TicketStoreError.duplicateSubmission(existing: existing)
        }
        for (sha, url) in try AttachmentCheck.normalizedDigests(files) {
            try verify(url, sha256: sha)
            digests.insert(sha)
            keepCopy(of: url, sha256: sha)
        }
        try AttachmentCheck.requireContent(of: ticket) { digests.contains($0) }
        var stored = ticket.storedForm
        var history = history
        var cursor: String?
        if let assignment {
            let open = Dictionary(grouping: tickets.values.filter {
                $0.assignee != nil && !assignment.settledStatuses.contains($0.status)
            }, by: { $0.assignee! }).mapValues(\.count)
            if let agent = assignment.choose(last: teamCursors[assignment.team], openCounts: open) {
                let assigned = assignment.assign(stored, to: agent)
                stored = assigned.ticket
                history.append(assigned.entry)
                cursor = agent
            }
        }
        stored.number = lastNumber + 1
        let written = try outbox(stored).map { $0.storedForm(number: stored.number) }
        try requireNewIDs(written)
        if let assignment, let cursor { teamCursors[assignment.team] = cursor }

        lastNumber = stored.number
        tickets[stored.number] = stored
        numbers.append(stored.number)
        searchWords[stored.number] = TicketSearch.indexedWords(of: stored)
        if let submissionKey { submissionKeys[submissionKey] = stored.number }
        histories[stored.number] = history.map(\.storedForm)
        append(written)
        return stored
    }

    public func ticket(_ number: Int64) async throws -> Ticket? {
        tickets[number]
    }

    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage]) async throws {
        try await update(ticket, expectedVersion: expectedVersion, history: history, outbox: outbox, files: [:])
    }

    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                       files: [String: URL]) async throws {
        try ticket.requireVersion(following: expectedVersion)
        try ticket.requireStorable()
        guard let current = tickets[ticket.number] else { throw TicketStoreError.notFound(ticket.number) }
        guard current.version == expectedVersion else {
            throw TicketStoreError.conflict(number: ticket.number, expected: expectedVersion, actual: current.version)
        }
        if !files.isEmpty {
            var verified = digests
            for (sha, url) in try AttachmentCheck.normalizedDigests(files) {
                try verify(url, sha256: sha)
                verified.insert(sha)
                keepCopy(of: url, sha256: sha)
            }
            try AttachmentCheck.requireContent(of: ticket) { verified.contains($0) }
            digests = verified
        }
        let written = outbox.map { $0.storedForm(number: ticket.number) }
        try requireNewIDs(written)

        let stored = ticket.storedForm
        tickets[ticket.number] = stored
        timerClaims[ticket.number] = nil
        searchWords[ticket.number] = TicketSearch.indexedWords(of: stored)
        histories[ticket.number, default: []].append(contentsOf: history.map(\.storedForm))
        append(written)
    }

    public func history(_ number: Int64) async throws -> [HistoryEntry] {
        histories[number] ?? []
    }

    public func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        var found: [Ticket] = []
        for number in numbers.reversed() where before.map({ number < $0 }) ?? true {
            guard let ticket = tickets[number], status.map({ ticket.status == $0 }) ?? true else { continue }
            found.append(ticket)
            if found.count == limit { break }
        }
        return found
    }

    public func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        let key = UserRecord.normalizedEmail(email)
        var found: [Ticket] = []
        for number in numbers.reversed() where before.map({ number < $0 }) ?? true {
            guard let ticket = tickets[number], UserRecord.normalizedEmail(ticket.requester.email) == key,
                  status.map({ ticket.status == $0 }) ?? true else { continue }
            found.append(ticket)
            if found.count == limit { break }
        }
        return found
    }

    public func count(status: String?) async throws -> Int {
        guard let status else { return tickets.count }
        return tickets.values.count { $0.status == status }
    }

    public func search(_ text: String, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        if let number = TicketSearch.number(in: text) {
            return tickets[number].map { [$0] } ?? []
        }
        let queryWords = TicketSearch.words(in: text)
        guard !queryWords.isEmpty else { return [] }
        var found: [Ticket] = []
        for number in numbers.reversed() {
            guard TicketSearch.matches(queryWords: queryWords, words: searchWords[number] ?? []),
                  let ticket = tickets[number] else { continue }
            found.append(ticket)
            if found.count == limit { break }
        }
        return found
    }

    public func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        let cutoff = instant.roundedToMilliseconds
        let due = tickets.values.compactMap { ticket -> (number: Int64, dueAt: Date)? in
            ticket.timers.map(\.dueAt).filter { $0 <= cutoff }.min().map { (number: ticket.number, dueAt: $0) }
        }
        return due.sorted { ($0.dueAt, $0.number) < ($1.dueAt, $1.number) }.prefix(limit).map(\.number)
    }

    public func outbox(for number: Int64) async throws -> [OutboxMessage] {
        stableByCreation(messages.filter { $0.ticketNumber == number })
    }

    public func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        let cutoff = instant.roundedToMilliseconds
        let pending = messages.filter { $0.deliveredAt == nil && $0.nextAttemptAt <= cutoff }
        return Array(stableByCreation(pending).prefix(limit))
    }

    public func markDelivered(_ id: String, at instant: Date) async throws {
        guard let index = messageIndex[id] else { throw TicketStoreError.messageNotFound(id) }
        messages[index].attempts += 1
        messages[index].deliveredAt = instant.roundedToMilliseconds
    }

    public func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws {
        guard let index = messageIndex[id] else { throw TicketStoreError.messageNotFound(id) }
        messages[index].attempts += 1
        messages[index].lastError = error
        messages[index].nextAttemptAt = nextAttemptAt.roundedToMilliseconds
    }

    public func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        let cutoff = instant.roundedToMilliseconds
        let claimable = tickets.values.compactMap { ticket -> (number: Int64, timers: [ArmedTimer])? in
            let claims = timerClaims[ticket.number] ?? [:]
            let timers = ticket.timers.filter { $0.dueAt <= cutoff && claims[$0.event].map { $0 <= cutoff } ?? true }
            return timers.isEmpty ? nil : (number: ticket.number, timers: timers)
        }
        let chosen = claimable.sorted {
            ($0.timers.map(\.dueAt).min()!, $0.number) < ($1.timers.map(\.dueAt).min()!, $1.number)
        }.prefix(limit)
        for entry in chosen {
            for timer in entry.timers { timerClaims[entry.number, default: [:]][timer.event] = until.roundedToMilliseconds }
        }
        return chosen.map(\.number)
    }

    public func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] {
        let claimed = try await pendingOutbox(at: instant, limit: limit)
        for message in claimed {
            if let index = messageIndex[message.id] { messages[index].nextAttemptAt = until.roundedToMilliseconds }
        }
        return claimed.compactMap { messageIndex[$0.id].map { messages[$0] } }
    }

    public func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] {
        let cutoff = instant.roundedToMilliseconds
        let wanted = Set(ids)
        let claimed = stableByCreation(messages.filter {
            wanted.contains($0.id) && $0.deliveredAt == nil && $0.nextAttemptAt <= cutoff
        })
        for message in claimed {
            if let index = messageIndex[message.id] { messages[index].nextAttemptAt = until.roundedToMilliseconds }
        }
        return claimed.compactMap { messageIndex[$0.id].map { messages[$0] } }
    }

    public func nextClaimableInstant() async throws -> Date? {
        let timers = tickets.values.flatMap { ticket in
            ticket.timers.map { timer in timerClaims[ticket.number]?[timer.event].map { max($0, timer.dueAt) } ?? timer.dueAt }
        }
        let waiting = messages.filter { $0.deliveredAt == nil }.map(\.nextAttemptAt)
        return (timers + waiting).min()
    }

    /// Refuses messages whose id is already in the outbox or repeated among them.
    private func requireNewIDs(_ written: [OutboxMessage]) throws(TicketStoreError) {
        var seen: Set<String> = []
        for message in written where messageIndex[message.id] != nil || !seen.insert(message.id).inserted {
            throw .invalid("outbox message \(message.id) already exists")
        }
    }

    private func append(_ written: [OutboxMessage]) {
        for message in written {
            messageIndex[message.id] = messages.count
            messages.append(message)
        }
    }

    /// Messages ordered by creation, keeping the written order among equal instants.
    private func stableByCreation(_ list: [OutboxMessage]) -> [OutboxMessage] {
        list.enumerated().sorted { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }.map(\.element)
    }

    /// Refuses a file whose content does not have the digest it was given under.
    private func verify(_ url: URL, sha256: String) throws(TicketStoreError) {
        let actual: String
        do {
            actual = try SHA256.hexDigest(ofFileAt: url)
        } catch {
            throw .invalid("cannot read the attachment file \(url.path): \(error.localizedDescription)")
        }
        guard actual == sha256 else { throw .attachmentMismatch(sha256: sha256) }
    }
}

extension InMemoryTicketStore: AttachmentFiles {
    /// This store's copy of an attachment.
    public func attachmentFile(sha256: String) -> URL? {
        fileURLs[sha256.lowercased()]
    }

    /// Copies a verified attachment into the store's temporary folder (a copy that cannot be made
    /// leaves the attachment without a file to download, as a store without files would).
    func keepCopy(of url: URL, sha256: String) {
        guard fileURLs[sha256] == nil else { return }
        let copy = copies.appendingPathComponent(sha256)
        do {
            try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try FileManager.default.copyItem(at: url, to: copy)
            fileURLs[sha256] = copy
        } catch {
            return
        }
    }
}

extension InMemoryTicketStore {
    /// The report's aggregates, ticket by ticket (the reference the SQL stores agree with).
    public func reportRows(_ query: ReportQuery) async throws -> ReportRows {
        ReportRows(tickets: tickets.values, query: query)
    }
}
