import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify

/// What a ticket command works with: the process's ``Desk``, the instant the command acts at, and
/// delivery problems printed on standard error.
struct DeskSession {
    let desk: Desk
    /// The instant the command acts at: `--now` (or FORMRUNNER_NOW), else the clock when it started.
    let now: Date

    var catalog: Catalog { desk.catalog }
    /// The store, to read: commands change tickets through ``tickets`` (the desk).
    var store: any TicketReading { desk.store }
    var tickets: TicketDesk { desk.ticketDesk }
    var renderer: MessageRenderer { desk.renderer }
    var address: DeskAddress { desk.address }

    /// Opens the desk; `delivering` commands build the notifier at once, so that a missing plugin
    /// stops them before they change anything.
    init(_ options: GlobalOptions, delivering: Bool) async throws {
        desk = try await Desk.open(options.settings)
        now = desk.now()
        if delivering { _ = try desk.notifier() }
    }

    /// How long a command spends delivering its own messages after its work, and how many it takes
    /// at most: a slow notifier cannot hold a command for long, and a backlog (older messages,
    /// another process's) never does; the rest waits for `deliver` or the worker.
    static let afterCommandBudget: TimeInterval = 10
    static let afterCommandLimit = 100

    /// Delivers the messages that are due at `instant` (the session's `now` by default); a failure
    /// is reported and left in the outbox for later. After a command (`bounded`), only the messages
    /// this command wrote, at most ``afterCommandLimit`` of them within ``afterCommandBudget`` seconds.
    func deliver(at instant: Date? = nil, bounded: Bool = true) async {
        let failures = bounded
            ? await desk.deliver(at: instant ?? now, limit: Self.afterCommandLimit, budget: Self.afterCommandBudget,
                                     ownOnly: true)
            : await desk.deliver(at: instant ?? now)
        for failure in failures {
            Output.printError("formrunner: a message could not be delivered yet and stays in the outbox: \(failure)\n")
        }
    }
}

/// A refused or failed action: its message goes to standard error and the exit status is 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
