import ArgumentParser
import FormrunnerCore

/// `formrunner tick`: fires every timer due at `--now`.
struct Tick: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fire every timer due at --now (for example, close tickets solved 27 working hours ago).",
        discussion: "Idempotent: a second run at the same instant does nothing. Then delivers due messages."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await DeskSession(global)
        let report = try await session.desk.tick(at: session.now)
        await session.deliver()
        Output.print("\(report.fired.count) ticket(s) changed by their timers\(report.fired.isEmpty ? "" : ": " + report.fired.map(String.init).joined(separator: ", "))\n")
        if !report.conflicts.isEmpty {
            Output.printError("formrunner: \(report.conflicts.count) ticket(s) changed by someone else meanwhile; the next tick retries them\n")
        }
    }
}

/// `formrunner deliver`: delivers the outbox.
struct Deliver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deliver the messages waiting in the outbox (failed ones are retried with backoff)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await DeskSession(global)
        await session.deliver()
    }
}
