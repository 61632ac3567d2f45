import Foundation
import FormrunnerCore
import FormrunnerNotify

/// A template rendered once with placeholders, then filled per ticket by string replacement: the
/// same text `MessageRenderer` makes (checked on a sample), at a fraction of the cost, for the
/// tens of thousands of e-mails a prebuilt database holds.
struct EmailStencil: Sendable {
    private static let number: Int64 = 987_654_321_987
    private static let title = "\u{E000}title\u{E000}"
    private static let name = "\u{E000}name\u{E000}"
    private static let email = "\u{E000}email\u{E000}"

    let template: String
    private let subject: String
    private let body: String

    /// Renders `template` for a ticket in `status` whose other fields are placeholders.
    init(template: String, status: String, catalog: Catalog, lifecycle: LifecycleDefinition) throws {
        self.template = template
        let request = NotificationRequest(recipient: .requester, template: template, event: template)
        let renderer = MessageRenderer(catalog: catalog)
        let placeholder = Self.ticket(number: Self.number, title: Self.title,
                                      requester: Requester(email: Self.email, name: Self.name), status: status)
        let message = try renderer.message(for: request, ticket: placeholder, lifecycle: lifecycle, address: Self.email,
                                           now: Date(), id: "stencil")
        subject = message.subject
        body = message.body
        let sample = Self.ticket(number: 42, title: "A sample title", requester: Requester(email: "s@example.com"),
                                 status: status)
        let expected = try renderer.message(for: request, ticket: sample, lifecycle: lifecycle, address: "s@example.com",
                                            now: Date(), id: "sample")
        guard fill(sample.number, title: sample.title, requester: sample.requester) == (expected.subject, expected.body) else {
            throw BenchFailure("the stencil of template '\(template)' does not render like MessageRenderer")
        }
    }

    /// The subject and body for one ticket.
    func fill(_ number: Int64, title: String, requester: Requester) -> (subject: String, body: String) {
        let name = requester.name.flatMap { $0.isEmpty ? nil : $0 } ?? requester.email
        func filled(_ text: String) -> String {
            text.replacingOccurrences(of: String(Self.number), with: String(number))
                .replacingOccurrences(of: Self.title, with: title)
                .replacingOccurrences(of: Self.name, with: name)
                .replacingOccurrences(of: Self.email, with: requester.email)
        }
        return (filled(subject), filled(body))
    }

    private static func ticket(number: Int64, title: String, requester: Requester, status: String) -> Ticket {
        Ticket(number: number, formID: SyntheticTickets.formID, formVersion: 1, lifecycleID: "", status: status,
               title: title, requester: requester, answers: [:], createdAt: Date())
    }
}

/// A benchmark that cannot run or whose result is wrong; the run exits non-zero.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
