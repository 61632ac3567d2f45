import Foundation
import FormrunnerTestSupport
import Testing

/// `formrunner worker`: its options, one pass with --once, and stores it cannot open.
@Suite("formrunner worker")
struct WorkerCommandTests {
    typealias Desk = TicketCommandsTests.Desk

    @Test("--once fires the due timers and delivers, then exits")
    func once() throws {
        let desk = try Desk()
        try desk.create()
        try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T11:00:00-03:00")
        let early = try desk.run(["worker", "--once"], at: "2026-11-25T12:00:00-03:00")
        #expect(early.status == 0)
        #expect(early.stdout == "0 ticket(s) changed by their timers, 0 message(s) delivered\n")
        let late = try desk.run(["worker", "--once"], at: "2026-12-31T12:00:00-03:00")
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.hasPrefix("1 ticket(s) changed by their timers, "))
        #expect(try desk.run(["tickets", "show", "1"]).stdout.contains("Closed"))
        let again = try desk.run(["worker", "--once"], at: "2026-12-31T12:00:00-03:00")
        #expect(again.stdout == "0 ticket(s) changed by their timers, 0 message(s) delivered\n")
    }

    @Test("a running worker refuses --now")
    func nowWithoutOnce() throws {
        let run = try CommandRunner.run(["worker", "--store", "memory:", "--now", "2026-11-25T10:00:00Z"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(
            "Error: --now (or FORMRUNNER_NOW) only applies to --once; a running worker follows the clock\n"))
    }

    @Test("a duration that cannot be read is refused", arguments: ["soon", "0s", "5 minutes", ""])
    func badDuration(text: String) throws {
        let run = try CommandRunner.run(["worker", "--store", "memory:", "--once", "--poll", text])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: The value '\(text)' is invalid for '--poll <duration>'"))
    }

    @Test("a batch below 1 is refused")
    func badBatch() throws {
        let run = try CommandRunner.run(["worker", "--store", "memory:", "--once", "--batch", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --batch must be at least 1\n"))
    }

    @Test("SIGTERM stops an idle worker with exit 0")
    func sigterm() throws {
        let desk = try Desk()
        let worker = try WorkerProcess(["--poll", "1s"], environment: desk.environment, logs: desk.folder, name: "idle")
        // The worker prints its first line once it is ready for signals.
        let giveUp = Date().addingTimeInterval(120)
        while !worker.stdout.contains("worker started") && worker.process.isRunning && Date() < giveUp {
            Thread.sleep(forTimeInterval: 0.1)
        }
        worker.terminate()
        #expect(worker.process.terminationReason == .exit)
        #expect(worker.process.terminationStatus == 0)
        #expect(worker.stdout == "worker started (poll 1s, lease 5m)\nworker stopped\n")
        #expect(worker.stderr == "")
    }

    @Test("a PostgreSQL URL with an unknown parameter is refused")
    func unknownParameter() throws {
        let run = try CommandRunner.run(["tickets", "list", "--store", "postgres://ana:secret@db.example/desk?colour=red"])
        #expect(run.status == 1)
        #expect(run.stderr == """
            formrunner: cannot open the ticket store postgres://ana:***@db.example/desk?colour=red: the ticket store \
            is unavailable: the PostgreSQL URL parameter 'colour' is not known; use sslmode, host or attachments

            """)
    }

    @Test("a PostgreSQL server that does not answer is reported")
    func unreachable() throws {
        let server = try PostgresServer.shared()
        let run = try CommandRunner.run(["worker", "--once", "--store",
                                         "postgres://formrunner@127.0.0.1:\(server.port)/no_such_database"])
        #expect(run.status == 1)
        #expect(run.stderr == """
            formrunner: cannot open the ticket store postgres://formrunner@127.0.0.1:\(server.port)/no_such_database: \
            the ticket store is unavailable: PostgreSQL: database "no_such_database" does not exist (SQLSTATE 3D000)

            """)
    }
}
