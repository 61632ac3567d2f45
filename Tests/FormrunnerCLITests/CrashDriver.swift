import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives the real `formrunner` against one store for ``CrashSafetyTests``, killing some commands.
final class CrashDriver {
    /// The clock of ordinary commands, and a later one at which every solved ticket's timer is due.
    static let early = "2026-11-25T10:00:00-03:00"
    static let late = "2027-01-29T10:00:00-03:00"
    /// Five minutes after ``late``: the claims of a command killed at ``late`` have run out.
    static let afterClaims = "2027-01-29T10:05:00-03:00"

    /// One command of the driver.
    enum Operation {
        case create(attachment: Int?)
        case transition(Int64, event: String, actor: String)
        /// A requester's reply after the close timer: refused on a closed ticket, with an e-mail.
        case lateReply(Int64)
        case tick
        case deliver

        var kind: String {
            switch self {
            case .create: return "create"
            case .transition, .lateReply: return "transition"
            case .tick: return "tick"
            case .deliver: return "deliver"
            }
        }
    }

    let folder = NSTemporaryDirectory() + "formrunner-crash-" + UUID().uuidString
    var database: String { folder + "/tickets.sqlite" }
    private var generator: SplitMix64
    /// Commands killed while still running.
    private(set) var kills = 0
    /// Kills that came after the command had committed something.
    private(set) var killsAfterAWrite = 0
    /// The highest ticket number a finished `create` printed.
    private var highest: Int64 = 0
    private var titles = 0
    /// How long each kind of command lives on after opening the store, unkilled.
    private var afterOpening: [String: TimeInterval] = [:]

    var environment: [String: String] {
        ["FORMRUNNER_STORE": "sqlite:\(database)", "FORMRUNNER_NOTIFIER": "maildir:\(folder)/mail"]
    }

    init(seed: UInt64) throws {
        generator = SplitMix64(seed: seed)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TicketCommandsTests.Desk.intakeAnswers.write(toFile: folder + "/answers.yaml", atomically: true, encoding: .utf8)
        for index in 0..<3 {
            try "evidence \(index)\n".write(toFile: folder + "/evidence-\(index).log", atomically: true, encoding: .utf8)
        }
    }

    func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    /// A number in `0..<bound`.
    func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }

    func randomOperation() -> Operation {
        let ticket = Int64(1 + random(Int(highest) + 1))
        switch random(20) {
        case 0..<7: return .create(attachment: random(2) == 0 ? random(3) : nil)
        case 7..<13:
            let (event, actor) = [("ask", "agent"), ("reply", "requester"), ("comment", "agent"), ("solve", "agent"),
                                  ("solve", "requester")][random(5)]
            return .transition(ticket, event: event, actor: actor)
        case 13..<15: return .lateReply(ticket)
        case 15..<18: return .tick
        default: return .deliver
        }
    }

    func arguments(_ operation: Operation) -> [String] {
        switch operation {
        case .create(let attachment):
            titles += 1
            return ["tickets", "create", "--form", "technical.intake", "--answers", folder + "/answers.yaml",
                    "--set", "title=Crash test ticket \(titles)", "--requester", "ana@example.com", "--now", Self.early]
                + (attachment.map { ["--set", "evidence=\(folder)/evidence-\($0).log"] } ?? [])
        case .transition(let number, let event, let actor):
            return ["tickets", "transition", String(number), event, "--as", actor, "--message", "m", "--now", Self.early]
        case .lateReply(let number):
            return ["tickets", "transition", String(number), "reply", "--as", "requester", "--now", Self.late]
        case .tick: return ["tick", "--now", Self.late]
        case .deliver: return ["deliver", "--now", Self.late]
        }
    }

    func run(_ arguments: [String], at now: String? = nil) throws -> CommandRunner.Run {
        try CommandRunner.run(arguments + (now.map { ["--now", $0] } ?? []), environment: environment)
    }

    /// Runs one command of each kind to the end, learning how long each lives after opening the store.
    func calibrate() throws {
        for operation in [Operation.create(attachment: 0), .transition(1, event: "solve", actor: "agent"), .tick, .deliver] {
            let process = try start(operation)
            waitUntilStoreIsOpen(by: process)
            let opened = Date()
            process.waitUntilExit()
            afterOpening[operation.kind] = Date().timeIntervalSince(opened)
            #expect(process.terminationStatus == 0, "\(arguments(operation))")
        }
        highest = 1
    }

    /// Runs the command to its end; refusals (exit 1) are part of the game, a crash is not.
    func runToEnd(_ operation: Operation) throws {
        let arguments = arguments(operation)
        let run = try run(arguments)
        if let match = run.stdout.firstMatch(of: /^Ticket (\d+) created/), let number = Int64(match.1) {
            highest = max(highest, number)
        }
        #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("database") && !run.stderr.contains("corrupt"), "\(arguments): \(run.stderr)")
    }

    /// Starts the command and kills it a random 5–80 ms after it opens the store (never later than
    /// that kind of command usually lives on after opening it), so the kill lands while it works:
    /// inside a transaction, between two, or between a commit and the e-mail that follows it.
    func runAndKill(_ operation: Operation) throws {
        let upper = min(80, Int((afterOpening[operation.kind] ?? 0.08) * 1000))
        let lower = min(5, upper / 2)
        let delay = lower + random(upper - lower + 1)
        let before = fingerprint()
        let process = try start(operation)
        let seenOpen = waitUntilStoreIsOpen(by: process)
        let opened = Date()
        usleep(useconds_t(delay * 1000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        guard process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL else {
            // It ended before the kill: this machine runs that kind faster than calibrated, so later
            // kills of that kind aim within the shorter life just seen.
            if seenOpen { learn(lifetime: Date().timeIntervalSince(opened), of: operation.kind) }
            return
        }
        kills += 1
        if fingerprint() != before { killsAfterAWrite += 1 }
    }

    /// Keeps the shortest life seen for a kind of command, never under 2 ms.
    private func learn(lifetime: TimeInterval, of kind: String) {
        afterOpening[kind] = max(0.002, min(afterOpening[kind] ?? lifetime, lifetime))
    }

    private func start(_ operation: Operation) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = arguments(operation)
        process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.repository)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in self.environment { environment[key] = value }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Returns once `process` has the database file open (on Linux, seen in `/proc/PID/fd`: true) or
    /// has ended (false); elsewhere at once (false), and the delay then counts from the start.
    @discardableResult
    private func waitUntilStoreIsOpen(by process: Process) -> Bool {
        #if os(Linux)
        let descriptors = "/proc/\(process.processIdentifier)/fd"
        while process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []
            if names.contains(where: { (try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + $0)) == database }) {
                return true
            }
            usleep(500)
        }
        #endif
        return false
    }

    /// Row counts that change with every commit: a kill that leaves them changed landed after a
    /// write and before the command's end.
    private func fingerprint() -> [Int] {
        var configuration = Configuration()
        configuration.readonly = true
        guard FileManager.default.fileExists(atPath: database),
              let queue = try? DatabaseQueue(path: database, configuration: configuration) else { return [] }
        return (try? queue.read { db in
            try ["ticket", "history", "outbox WHERE delivered_at IS NOT NULL", "attachment"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0
            }
        }) ?? []
    }
}

/// A small seeded generator (SplitMix64), so a failing sequence can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
