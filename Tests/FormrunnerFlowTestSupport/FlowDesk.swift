import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerNotify
import FormrunnerRun

/// Keeps what a notifier was given.
public final class RecordingNotifier: Notifier, @unchecked Sendable {
    public let name = "recording"
    private let lock = NSLock()
    private var delivered: [OutboxMessage] = []
    /// When set, every delivery fails with this text.
    public var failure: String?

    public func deliver(_ message: OutboxMessage) async throws {
        try lock.withLock {
            if let failure { throw Failure(text: failure) }
            delivered.append(message)
        }
    }

    public var messages: [OutboxMessage] { lock.withLock { delivered } }

    /// The code in the newest message to `address` (the first run of digits on its own line).
    public func lastCode(to address: String) -> String {
        guard let message = messages.last(where: { $0.address == address }) else { return "no message to \(address)" }
        for line in message.body.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return trimmed }
            if let range = trimmed.range(of: #"^\d{6}"#, options: .regularExpression) { return String(trimmed[range]) }
        }
        return "no code in the message"
    }

    public struct Failure: Error, CustomStringConvertible {
        public let text: String
        public var description: String { text }
    }
}

/// A clock the test moves.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        self.instant = instant
    }

    public var now: Date { lock.withLock { instant } }

    public func advance(_ seconds: TimeInterval) {
        lock.withLock { instant = instant.addingTimeInterval(seconds) }
    }
}

/// The real catalog with in-memory stores: everything a run needs, inspectable.
public struct FlowDesk: Sendable {
    /// A desk with empty in-memory stores, over `catalog` (the repository's by default).
    public init(catalog: Catalog = FlowDesk.catalog) {
        self.catalog = catalog
    }

    /// The definitions this desk runs. A copy of the desk with another catalog shares its stores:
    /// the same person, drafts and tickets after the definitions changed.
    public var catalog: Catalog

    public static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    public static let catalog: Catalog = CatalogLoader(root: repository).load().catalog

    /// A quick hasher, so tests do not spend seconds on PBKDF2.
    public static let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)

    public let store = InMemoryTicketStore()
    public let directory = InMemoryUserDirectory()
    public let codes = InMemoryOneTimeCodeStore()
    public let drafts = InMemoryDraftStore()
    public let notifier = RecordingNotifier()
    public let clock = TestClock()

    /// Sends sign-in codes before the prompt returns, so that a scripted answer reads the code at once
    /// (``SignInTimingTests`` runs them after the answer, as the terminal does).
    public var deliverCodesInline = true

    public var services: FlowServices {
        let clock = self.clock
        var services = FlowServices(catalog: catalog,
                                    desk: TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(catalog: catalog)),
                                    directory: directory, codes: codes, drafts: drafts, mail: notifier,
                                    renderer: MessageRenderer(catalog: catalog), passwordHasher: FlowDesk.hasher,
                                    clock: { clock.now })
        services.deliverCodesInline = deliverCodesInline
        return services
    }

    /// Ana: Brazilian, with the support permission and two stores.
    public static func ana(password: String? = nil, totp: String? = nil, phone: String? = nil,
                    country: String = "BR", permissions: [String] = ["support"], accounts: [String] = ["lojaana", "lojabeta"]) throws -> UserRecord {
        UserRecord(email: "ana@example.com", name: "Ana Souza", accounts: accounts, country: country, permissions: permissions,
                   phone: phone, passwordHash: try password.map { try hasher.hash($0) }, totpSecret: totp,
                   createdAt: Date(timeIntervalSince1970: 0))
    }

    public func run(_ workflow: String, _ prompter: ScriptedPrompter, resume: Bool = false) async throws -> FlowOutcome {
        guard let flow = catalog.workflows[workflow] else { throw RecordingNotifier.Failure(text: "no workflow \(workflow)") }
        return try await FlowRunner(flow: flow, services: services, prompter: prompter, resume: resume).run()
    }

    /// Reads the newest code sent to `address` when called.
    public func codeReader(_ address: String = "ana@example.com") -> @Sendable () -> String {
        let notifier = self.notifier
        return { notifier.lastCode(to: address) }
    }

    /// The answers that sign Ana in with an e-mailed code.
    public func emailSignIn(_ email: String = "ana@example.com") -> [ScriptedPrompter.Answer] {
        [.text("email_token"), .text(email), .computed(codeReader(email))]
    }
}

/// A value a scripted answer remembers for the test to look at later.
public final class Remembered: @unchecked Sendable {
    private let lock = NSLock()
    private var kept = ""

    /// Nothing remembered yet.
    public init() {}

    public var value: String { lock.withLock { kept } }

    /// Keeps `text` and returns it.
    public func keep(_ text: String) -> String {
        lock.withLock { kept = text }
        return text
    }
}
