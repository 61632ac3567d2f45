import Foundation
import FormrunnerCore
import FormrunnerNotify

/// A template rendered once with placeholders, then filled per ticket by splicing in its values: the
/// same text `MessageRenderer` makes (checked on a sample), at a fraction of the cost, for the
/// tens of thousands of e-mails a prebuilt database holds.
struct EmailStencil: Sendable {
    private static let number: Int64 = 987_654_321_987
    private static let title = "\u{E000}title\u{E000}"
    private static let name = "\u{E000}name\u{E000}"
    private static let email = "\u{E000}email\u{E000}"

    let template: String
    private let subject: [Piece]
    private let body: [Piece]

    /// A run of literal text, or where a ticket's own value goes.
    private enum Piece: Sendable {
        case text(String)
        case number, title, name, email
    }

    /// Renders `template` for a ticket in `status` whose other fields are placeholders.
    init(template: String, status: String, catalog: Catalog, lifecycle: LifecycleDefinition) throws {
        self.template = template
        let request = NotificationRequest(recipient: .requester, template: template, event: template)
        let renderer = MessageRenderer(catalog: catalog)
        let placeholder = Self.ticket(number: Self.number, title: Self.title,
                                      requester: Requester(email: Self.email, name: Self.name), status: status)
        let message = try renderer.message(for: request, ticket: placeholder, lifecycle: lifecycle, address: Self.email,
                                           now: Date(), id: "stencil")
        subject = Self.pieces(of: message.subject)
        body = Self.pieces(of: message.body)
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
        func filled(_ pieces: [Piece]) -> String {
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let literal): text += literal
                case .number: text += String(number)
                case .title: text += title
                case .name: text += name
                case .email: text += requester.email
                }
            }
            return text
        }
        return (filled(subject), filled(body))
    }

    /// `rendered` cut at the placeholders.
    private static func pieces(of rendered: String) -> [Piece] {
        let marks: [(String, Piece)] = [(String(number), .number), (title, .title), (name, .name), (email, .email)]
        var pieces: [Piece] = []
        var rest = Substring(rendered)
        while !rest.isEmpty {
            let next = marks.compactMap { mark in rest.range(of: mark.0).map { ($0, mark.1) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, piece) = next else { break }
            pieces.append(.text(String(rest[..<range.lowerBound])))
            pieces.append(piece)
            rest = rest[range.upperBound...]
        }
        pieces.append(.text(String(rest)))
        return pieces
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
