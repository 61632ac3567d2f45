import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerNotify
import FormrunnerRun

/// Keeps what a notifier was given.
final class RecordingNotifier: Notifier, @unchecked Sendable {
    let name = "recording"
    private let lock = NSLock()
    private var delivered: [OutboxMessage] = []
    /// When set, every delivery fails with this text.
    var failure: String?

    func deliver(_ message: OutboxMessage) async throws {
        try lock.withLock {
            if let failure { throw Failure(text: failure) }
            delivered.append(message)
        }
    }

    var messages: [OutboxMessage] { lock.withLock { delivered } }

    /// The code in the newest message to `address` (the first run of digits on its own line).
    func lastCode(to address: String) -> String {
        guard let message = messages.last(where: { $0.address == address }) else { return "no message to \(address)" }
        for line in message.body.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return trimmed }
            if let range = trimmed.range(of: #"^\d{6}"#, options: .regularExpression) { return String(trimmed[range]) }
        }
        return "no code in the message"
    }

    struct Failure: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        self.instant = instant
    }

    var now: Date { lock.withLock { instant } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { instant = instant.addingTimeInterval(seconds) }
    }
}

/// The real catalog with in-memory stores: everything a run needs, inspectable.
struct Desk {
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let catalog: Catalog = CatalogLoader(root: repository).load().catalog

    /// A quick hasher, so tests do not spend seconds on PBKDF2.
    static let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)

    let store = InMemoryTicketStore()
    let directory = InMemoryUserDirectory()
    let codes = InMemoryOneTimeCodeStore()
    let drafts = InMemoryDraftStore()
    let notifier = RecordingNotifier()
    let clock = TestClock()

    var services: FlowServices {
        let clock = self.clock
        return FlowServices(catalog: Desk.catalog,
                            desk: TicketDesk(catalog: Desk.catalog, store: store, composer: TemplateComposer(catalog: Desk.catalog)),
                            directory: directory, codes: codes, drafts: drafts, mail: notifier,
                            renderer: MessageRenderer(catalog: Desk.catalog), passwordHasher: Desk.hasher,
                            clock: { clock.now })
    }

    /// Ana: Brazilian, with the support permission and two stores.
    static func ana(password: String? = nil, totp: String? = nil, phone: String? = nil,
                    country: String = "BR", permissions: [String] = ["support"], accounts: [String] = ["lojaana", "lojabeta"]) throws -> UserRecord {
        UserRecord(email: "ana@example.com", name: "Ana Souza", accounts: accounts, country: country, permissions: permissions,
                   phone: phone, passwordHash: try password.map { try hasher.hash($0) }, totpSecret: totp,
                   createdAt: Date(timeIntervalSince1970: 0))
    }

    func run(_ workflow: String, _ prompter: ScriptedPrompter, resume: Bool = false) async throws -> FlowOutcome {
        guard let flow = Desk.catalog.workflows[workflow] else { throw RecordingNotifier.Failure(text: "no workflow \(workflow)") }
        return try await FlowRunner(flow: flow, services: services, prompter: prompter, resume: resume).run()
    }

    /// Reads the newest code sent to `address` when called.
    func codeReader(_ address: String = "ana@example.com") -> @Sendable () -> String {
        let notifier = self.notifier
        return { notifier.lastCode(to: address) }
    }

    /// The answers that sign Ana in with an e-mailed code.
    func emailSignIn(_ email: String = "ana@example.com") -> [ScriptedPrompter.Answer] {
        [.text("email_token"), .text(email), .computed(codeReader(email))]
    }
}

/// A value a scripted answer remembers for the test to look at later.
final class Remembered: @unchecked Sendable {
    private let lock = NSLock()
    private var kept = ""

    var value: String { lock.withLock { kept } }

    /// Keeps `text` and returns it.
    func keep(_ text: String) -> String {
        lock.withLock { kept = text }
        return text
    }
}
