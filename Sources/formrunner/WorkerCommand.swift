import ArgumentParser
import Dispatch
import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify

/// `formrunner worker`: fires timers and delivers the outbox as they fall due, until stopped.
struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Fire timers and deliver the outbox as they fall due, until stopped (SIGTERM or Ctrl-C).",
        discussion: """
        Several workers, on one machine or many, can share one store: each timer and message is claimed \
        by one worker, so no ticket is closed twice and no message sent twice. Between passes the worker \
        sleeps until the next timer or retry is due, at most --poll. SIGTERM or SIGINT lets it finish the \
        ticket or message in hand and exit 0. A worker that dies leaves its claims to run out (--lease); \
        another worker then takes them over. --once does one pass at --now (or the clock) and exits: for \
        cron and scripts.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The longest sleep between passes (e.g. 5s, 500ms, 1m).", valueName: "duration"))
    var poll = DurationOption(seconds: 5)
    @Option(help: ArgumentHelp("How long a claimed timer or message is held before another worker may take it.",
                               valueName: "duration"))
    var lease = DurationOption(seconds: TicketDesk.defaultLease)
    @Option(help: "How many tickets or messages to claim at a time.") var batch = 50
    @Flag(help: "Do one pass (at --now, or the clock) and exit.") var once = false

    func validate() throws {
        if !once, global.now != nil || ProcessInfo.processInfo.environment["FORMRUNNER_NOW"] != nil {
            throw ValidationError("--now (or FORMRUNNER_NOW) only applies to --once; a running worker follows the clock")
        }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        let session = try await DeskSession(global, delivering: true)
        let worker = DeskWorker(desk: session.tickets,
                                dispatcher: try session.desk.notifier().map { OutboxDispatcher(store: session.desk.store, notifier: $0,
                                                                                    lease: lease.seconds) },
                                poll: poll.seconds, lease: lease.seconds, batch: batch)
        Self.sweep(session.desk)
        if once {
            let report = try await worker.pass(at: session.now)
            Self.print(report, always: true)
            return
        }
        let stop = StopSignal()
        let traps = [SIGTERM, SIGINT].map { Self.trap($0, stop: stop) }
        Output.print("worker started (poll \(poll.defaultValueDescription), lease \(lease.defaultValueDescription))\n")
        let desk = session.desk
        let sweeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
                if !Task.isCancelled { Self.sweep(desk) }
            }
        }
        defer { sweeper.cancel() }
        await worker.run(until: stop, onPass: { Self.print($0, always: false) }, onError: { error in
            Output.printError("formrunner: the worker will try again: \(error)\n")
        })
        traps.forEach { $0.cancel() }
        Output.print("worker stopped\n")
    }

    /// Removes unfinished attachment copies older than an hour (at start, then every hour).
    private static func sweep(_ desk: Desk) {
        let orphans = desk.sweepIncomingAttachments()
        if orphans > 0 { Output.print("\(orphans) unfinished attachment copy(ies) older than an hour removed\n") }
    }

    /// Prints what a pass did, and every delivery problem on standard error.
    private static func print(_ report: DeskWorker.PassReport, always: Bool) {
        let fired = report.tick.fired
        if always || !fired.isEmpty || report.delivery.delivered > 0 {
            Output.print("\(fired.count) ticket(s) changed by their timers, \(report.delivery.delivered) message(s) delivered\n")
        }
        if !report.tick.conflicts.isEmpty {
            Output.printError("formrunner: \(report.tick.conflicts.count) ticket(s) changed by someone else meanwhile; the next pass retries them\n")
        }
        for failure in report.delivery.errors {
            Output.printError("formrunner: a message could not be delivered yet and stays in the outbox: \(failure.error)\n")
        }
    }

    /// Turns `signal` into a request to stop.
    private static func trap(_ number: Int32, stop: StopSignal) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { stop.stop() }
        source.resume()
        return source
    }
}
