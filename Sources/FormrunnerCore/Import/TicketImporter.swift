import Foundation

/// Imports a JSON Lines file of tickets (`formrunner tickets import`): every line checked by a
/// ``TicketImportChecker``, every bad line reported with its number, and the tickets written in
/// batches (``batchSize`` a transaction, see ``TicketImporting``).
///
/// - **All or nothing by default**: a first pass checks every line and writes nothing when any is
///   bad; only then a second pass writes. With ``skipInvalid`` one pass writes the good lines and
///   reports the bad ones. A ``dryRun`` checks only.
/// - **Idempotent**: each ticket is stored with an import key, `external_id` when the line has one,
///   else a digest of its form, requester, answers and creation instant; a line whose key is already
///   stored is skipped and counted as already imported, so an interrupted import is run again as is.
/// - **Bounded**: the file is streamed a line at a time (lines over the reader's cap are reported,
///   not read); at most three batches are held at once (the lines being checked, on every core, and
///   the tickets being written meanwhile), besides the `external_id`s seen.
public struct TicketImporter: Sendable {
    public var checker: TicketImportChecker
    /// Tickets a transaction.
    public var batchSize = 1000
    public var reader = ImportLineReader()
    /// Write the good lines even when some are bad.
    public var skipInvalid = false
    /// Check only; write nothing.
    public var dryRun = false

    public init(checker: TicketImportChecker) {
        self.checker = checker
    }

    /// What an import did.
    public struct Summary: Sendable, Hashable {
        /// Lines that hold a ticket (blank lines are not counted).
        public var lines = 0
        /// Lines reported as bad.
        public var invalid = 0
        /// Tickets written.
        public var imported = 0
        /// Valid lines whose ticket an earlier import already wrote.
        public var alreadyImported = 0

        public init(lines: Int = 0, invalid: Int = 0, imported: Int = 0, alreadyImported: Int = 0) {
            self.lines = lines
            self.invalid = invalid
            self.imported = imported
            self.alreadyImported = alreadyImported
        }
    }

    /// An import stopped by the store after some batches were written.
    public struct Interrupted: Error, CustomStringConvertible {
        public var summary: Summary
        public var error: any Error

        public var description: String {
            "\(error); \(summary.imported) ticket(s) were imported before it, in whole batches: run the same import again "
                + "and the lines already imported are skipped"
        }
    }

    /// Imports the file at `url` into `store`, calling `report` with the number of each bad line and its
    /// problems, in order.
    public func run(_ url: URL, store: any TicketStore,
                    report: (Int, [ImportProblem]) -> Void) async throws -> Summary {
        if dryRun || !skipInvalid {
            let checked = try await pass(url, store: nil, report: report)
            if dryRun || checked.invalid > 0 { return checked }
        }
        if skipInvalid { return try await pass(url, store: store, report: report) }
        // The first pass found no bad line; one found now means the file changed (see `pass`).
        return try await pass(url, store: store) { _, _ in }
    }

    /// One pass over the file: every line checked, the good ones written to `store` when given.
    ///
    /// Lines are taken a batch at a time; each batch is checked on every core, then written while the
    /// next batch is checked (one write at a time, in the file's order, so numbers follow the lines).
    private func pass(_ url: URL, store: (any TicketStore)?,
                      report: (Int, [ImportProblem]) -> Void) async throws -> Summary {
        var summary = Summary()
        var externalIDs: [String: Int] = [:]
        var lines: [(number: Int, line: ImportLineReader.Line)] = []
        lines.reserveCapacity(batchSize)
        var writing: Task<[ImportWrite], any Error>?
        func finishWrite() async throws {
            guard let pending = writing else { return }
            writing = nil
            do {
                for result in try await pending.value {
                    switch result {
                    case .created: summary.imported += 1
                    case .alreadyImported: summary.alreadyImported += 1
                    }
                }
            } catch {
                throw Interrupted(summary: summary, error: error)
            }
        }
        func process() async throws {
            let checked = await Self.check(lines, with: checker, tooLong: reader.maximumLineBytes)
            var batch: [ImportedTicket] = []
            for (number, result) in zip(lines.map(\.number), checked) {
                switch result {
                case .failure(let problems):
                    summary.invalid += 1
                    report(number, problems.problems)
                case .success(let imported):
                    if imported.submissionKey.hasPrefix(Self.externalKeyPrefix) {
                        let id = String(imported.submissionKey.dropFirst(Self.externalKeyPrefix.count))
                        if let first = externalIDs[id] {
                            summary.invalid += 1
                            report(number, [ImportProblem("external_id '\(id)' is also on line \(first)")])
                            continue
                        }
                        externalIDs[id] = number
                    }
                    if store != nil { batch.append(imported) }
                }
            }
            lines.removeAll(keepingCapacity: true)
            try await finishWrite()
            if let store, !batch.isEmpty {
                writing = Task { [batch] in try await ImportedTicket.write(batch, to: store) }
            }
        }
        do {
            try await reader.forEachLine(in: url) { number, line in
                if case .text(let data) = line, !data.contains(where: { !Self.isBlank($0) }) { return true }
                summary.lines += 1
                lines.append((number, line))
                if lines.count >= batchSize { try await process() }
                return true
            }
            try await process()
            try await finishWrite()
        } catch {
            // A write still running is waited for, so that nothing is written after the import returns.
            if let writing { _ = try? await writing.value }
            throw error
        }
        if store != nil, !skipInvalid, summary.invalid > 0 {
            throw Interrupted(summary: summary, error: ImportProblem(
                "\(url.path) changed during the import: \(summary.invalid) line(s) are bad now"))
        }
        return summary
    }

    /// Checks `lines` in order, spread over the cores when there are enough of them.
    static func check(_ lines: [(number: Int, line: ImportLineReader.Line)], with checker: TicketImportChecker,
                      tooLong limit: Int) async -> [Result<ImportedTicket, ImportProblems>] {
        @Sendable func one(_ line: ImportLineReader.Line) -> Result<ImportedTicket, ImportProblems> {
            switch line {
            case .tooLong: return .failure(ImportProblems([ImportProblem("the line is longer than \(limit) bytes; it was not read")]))
            case .text(let data): return checker.check(data)
            }
        }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 64)
        guard workers > 1 else { return lines.map { one($0.line) } }
        let size = (lines.count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [Result<ImportedTicket, ImportProblems>]).self) { group in
            for start in stride(from: 0, to: lines.count, by: size) {
                let part = lines[start..<min(start + size, lines.count)].map(\.line)
                group.addTask { (start, part.map(one)) }
            }
            var parts: [(Int, [Result<ImportedTicket, ImportProblems>])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// The prefix of the import key of a line with an `external_id`.
    static let externalKeyPrefix = "import:id:"

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
