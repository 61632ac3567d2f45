import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify
import Testing

/// The desk built from settings: notifiers only when asked for, the clock, the renderer's name.
@Suite("The desk")
struct DeskTests {
    @Test("a missing notifier plugin fails only when the notifier is asked for")
    func lazyNotifier() throws {
        let settings = DeskSettings(notifier: "plugin:missing-for-desk-tests", environment: ["PATH": "/nonexistent"])
        let desk = try Desk(catalog: Catalog(), store: InMemoryTicketStore(), settings: settings)
        #expect(desk.store is InMemoryTicketStore)
        #expect(throws: DeskSettingError.self) { try desk.notifier() }
        #expect(throws: DeskSettingError.self) { try desk.notifier() }
    }

    @Test("the notifier is built once and kept")
    func keptNotifier() throws {
        let desk = try Desk(catalog: Catalog(), store: InMemoryTicketStore(), settings: DeskSettings(notifier: "console", environment: [:]))
        let first = try #require(try desk.notifier() as? ConsoleNotifier)
        _ = first
        #expect(try desk.notifier() is ConsoleNotifier)
        #expect(try Desk(catalog: Catalog(), store: InMemoryTicketStore(),
                         settings: DeskSettings(notifier: "none", environment: [:])).notifier() == nil)
    }

    @Test("a malformed notifier setting is refused when the desk opens, as a usage error")
    func malformedNotifier() {
        let settings = DeskSettings(notifier: "sendmail:'/usr/sbin/sendmail -t", environment: [:])
        #expect(throws: DeskSettingError(.usage, "notifier 'sendmail:'/usr/sbin/sendmail -t': a ' quote is not closed; "
                                              + "write it as sendmail:COMMAND, e.g. 'sendmail:/usr/sbin/sendmail -t -i'")) {
            try Desk(catalog: Catalog(), store: InMemoryTicketStore(), settings: settings)
        }
    }

    @Test("a fixed instant is the desk's clock; without one the clock runs")
    func clock() throws {
        let fixed = try Desk(catalog: Catalog(), store: InMemoryTicketStore(),
                             settings: DeskSettings(now: "2026-11-25T10:00:00Z", environment: [:]))
        #expect(fixed.fixedNow == ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z"))
        #expect(fixed.now() == fixed.fixedNow)
        let running = try Desk(catalog: Catalog(), store: InMemoryTicketStore(), settings: DeskSettings(environment: [:]))
        #expect(running.fixedNow == nil)
        #expect(abs(running.now().timeIntervalSinceNow) < 60)
    }

    @Test("opening a desk on an invalid catalog throws its diagnostics")
    func invalidCatalog() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "notifier: []\n".write(to: root.appendingPathComponent("formrunner.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try await Desk.open(DeskSettings(catalog: root.path, store: "memory:", environment: [:]))
            Issue.record("the desk opened")
        } catch let error as InvalidCatalogError {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.description.hasPrefix("the catalog at '\(root.path)' has "))
        }
    }

    @Test("identity stores are in memory beside a memory store; a postgres:// location needs its PostgreSQL ticket store")
    func identity() throws {
        let desk = try Desk(catalog: Catalog(), store: InMemoryTicketStore(), location: .memory, settings: DeskSettings(environment: [:]))
        #expect(try desk.identity().directory is InMemoryUserDirectory)
        #expect(throws: DeskSettingError(.failure, "the users and drafts of postgres://u:***@localhost:5432/db are kept beside "
                                         + "its tickets, but the desk's ticket store is not that PostgreSQL database")) {
            try IdentityStores(TicketStoreURL(parsing: "postgres://u:secret@localhost:5432/db"), beside: InMemoryTicketStore(),
                               catalog: NSTemporaryDirectory())
        }
        #expect(Desk.demoUser(at: Date()).email == "demo@example.com")
    }
}
