import Foundation
import FormrunnerCore
@testable import FormrunnerNotify

/// The repository's real catalog and sample tickets.
enum Sample {
    /// The repository root, which holds the real catalog.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The real catalog (loaded once).
    static let catalog: Catalog = CatalogLoader(root: repository).load().catalog

    /// The ticket life cycle of the real catalog.
    static var lifecycle: LifecycleDefinition {
        guard let lifecycle = catalog.lifecycles["ticket-lifecycle"] else { fatalError("no ticket-lifecycle in the catalog") }
        return lifecycle
    }

    /// 2026-03-05 14:07:09 UTC.
    static let now = Date(timeIntervalSince1970: 1_772_719_629)

    /// Ticket 12 on the technical intake form, in `status`.
    static func ticket(title: String = "Printer on fire", status: String = "open", name: String? = "Ana Souza") -> Ticket {
        let form = catalog.sortedForms.first?.id ?? "technical.intake"
        return Ticket(number: 12, formID: form, formVersion: 1, lifecycleID: "ticket-lifecycle", status: status,
                      title: title, requester: Requester(email: "ana@example.com", name: name), answers: [:],
                      createdAt: now)
    }

    /// A message as the renderer would produce it.
    static func message(id: String = "m-1", subject: String = "Hello", body: String = "Line one\nLine two\n",
                        ticket: Int64 = 12, at date: Date = now) -> OutboxMessage {
        OutboxMessage(id: id, ticketNumber: ticket, recipient: .requester, address: "ana@example.com",
                      template: "confirmation", subject: subject, body: body, createdAt: date)
    }

    /// A temporary folder removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("formrunner-notify-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }
}
