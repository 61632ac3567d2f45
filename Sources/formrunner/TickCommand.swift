import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk

/// `formrunner tick`: fires every timer due at `--now`.
struct Tick: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Fire every timer due at --now (for example, close tickets solved 27 working hours ago).",
        discussion: "Idempotent: a second run at the same instant does nothing. Then delivers due messages, and deletes expired drafts and one-time codes, and unfinished attachment copies older than an hour."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await DeskSession(global, delivering: true)
        let report = try await session.tickets.tick(at: session.now)
        await session.deliver(bounded: false)
        Output.print("\(report.fired.count) ticket(s) changed by their timers\(report.fired.isEmpty ? "" : ": " + report.fired.map(String.init).joined(separator: ", "))\n")
        if !report.conflicts.isEmpty {
            Output.printError("formrunner: \(report.conflicts.count) ticket(s) changed by someone else meanwhile; the next tick retries them\n")
        }
        try await sweepIdentity(of: session.desk, at: session.now)
        let orphans = session.desk.sweepIncomingAttachments()
        if orphans > 0 { Output.print("\(orphans) unfinished attachment copy(ies) older than an hour removed\n") }
    }

    /// Deletes expired drafts (and web sessions) and one-time codes, kept beside the tickets.
    private func sweepIdentity(of desk: Desk, at now: Date) async throws {
        let stores = try desk.identity()
        let drafts = try await stores.drafts.deleteExpiredDrafts(now: now)
        let codes = try await stores.codes.deleteExpiredCodes(now: now)
        if drafts + codes > 0 { Output.print("\(drafts) expired draft(s) and \(codes) expired code(s) deleted\n") }
    }
}
