import Foundation
import FormrunnerCore
import HTTPTypes
import Logging
import Testing

/// What every request passes through: the not-found page, the security headers, the access log.
@Suite("Portal edge: 404 page, headers, access log")
struct PortalEdgeTests {
    @Test("an unknown path is the portal's 404 page with the security headers, logged as 404 without its query")
    func unknownPath() async throws {
        let log = RecordedLog()
        var fixture = PortalFixture()
        fixture.logger = log.logger
        try await fixture.browse { browser in
            let response = try await browser.get("/no-such-page?search=private+words")
            #expect(response.status == .notFound)
            #expect(browser.page.contains("<h1>Not found</h1>"))
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.cacheControl] == "no-store")
        }
        let line = try #require(log.events.first { $0.metadata["path"] == "/no-such-page" })
        #expect(line.message == "request")
        #expect(line.metadata["status"] == "404")
        #expect(line.metadata["method"] == "GET")
        #expect(line.metadata["request_id"]?.isEmpty == false)
        #expect(Double(line.metadata["ms"] ?? "") != nil)
        #expect(!log.text.contains("private"))
    }

    @Test("signing in logs paths and statuses only: no address, no code, no cookie, no survey token")
    func nothingSecretIsLogged() async throws {
        let log = RecordedLog()
        var fixture = PortalFixture()
        fixture.logger = log.logger
        let code = try await withFixture(fixture) { fixture, browser in
            try await fixture.signIn(browser, next: "/history")
            _ = try await browser.get("/survey/secret-token-123")
            return fixture.desk.notifier.lastCode(to: "ana@example.com")
        }
        #expect(log.events.contains { $0.metadata["path"] == "/signin/code" && $0.metadata["status"] == "303" })
        #expect(log.events.contains { $0.metadata["path"] == "/survey/…" })
        #expect(!log.text.contains("ana@example.com"))
        #expect(!log.text.contains(code))
        #expect(!log.text.contains("secret-token-123"))
        #expect(!log.text.contains("formrunner_session"))
    }

    private func withFixture<T: Sendable>(_ fixture: PortalFixture,
                                          _ body: @escaping @Sendable (PortalFixture, PortalBrowser) async throws -> T) async throws -> T {
        let result = Locked<T?>(nil)
        try await fixture.browse { browser in result.set(try await body(fixture, browser)) }
        return try #require(result.get())
    }
}

/// A log that keeps every event, for tests to read.
final class RecordedLog: @unchecked Sendable {
    struct Event {
        let message: String
        let metadata: [String: String]
    }

    private let lock = NSLock()
    private var kept: [Event] = []

    var events: [Event] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    /// Every event as one text, to search for what must never be there.
    var text: String { events.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n") }

    var logger: Logger {
        Logger(label: "formrunner.web.test") { _ in Handler(log: self) }
    }

    fileprivate func keep(_ event: Event) {
        lock.lock()
        kept.append(event)
        lock.unlock()
    }

    private struct Handler: LogHandler {
        let log: RecordedLog
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            log.keep(RecordedLog.Event(message: event.message.description, metadata: all.mapValues(\.description)))
        }
    }
}

/// A value shared with a closure that runs elsewhere.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}
