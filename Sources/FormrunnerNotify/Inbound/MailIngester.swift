import Foundation
import FormrunnerCore

/// Records e-mail replies on their tickets: matches each message to a ticket
/// (``TicketReference``), checks that the sender is the ticket's requester, cleans the text
/// (``ReplyCleaner``) and fires the requester's `reply` event through the desk with the message's
/// files as evidence.
///
/// **Evidence.** The message itself (as `TOKEN.eml`, TOKEN from its Message-ID) and its attachments
/// are appended to the ticket's `files` answer ``evidenceField``, stored by the ticket store in the
/// same write as the event. **Idempotence.** A message whose `TOKEN.eml` is already in that answer
/// is not recorded again; a reply refused on a Closed ticket is answered once (the desk's `origin`).
/// **Merged tickets.** A reply to a ticket merged into another (``Ticket/mergedInto``) is
/// recorded on that other ticket. **Loops.** Automatic messages (``AutomaticMessage``: RFC 3834 `Auto-Submitted`, delivery
/// reports, vendor auto-reply headers, out-of-office subjects) are refused, so an out-of-office
/// answer never reopens a ticket. **Bounds.** A message over the parse limits
/// (``InboundMessage/problem``) is refused before it is matched; one with two `From:` fields or
/// two mailboxes in `From:` is refused as ambiguous.
public struct MailIngester: Sendable {
    /// The answer every e-mail's evidence is appended to. It starts with `_`, which no form field
    /// id may, so it never meets a form's own answers.
    public static let evidenceField = "_email"

    /// The desk that records the events.
    public var desk: TicketDesk
    /// The desk's address: how ticket numbers are read from addresses and Message-IDs.
    public var address: DeskAddress
    /// The event fired by a reply.
    public var event: String

    /// An ingester recording replies on `desk` as the event `event`.
    public init(desk: TicketDesk, address: DeskAddress, event: String = "reply") {
        self.desk = desk
        self.address = address
        self.event = event
    }

    /// How many merges an e-mail follows from the ticket it names to the ticket it lands on.
    static let mergeHops = 16

    /// The text recorded before the whole text of a message when no reply could be told apart from
    /// its quote.
    public static let wholeTextNote = "[No reply could be told apart from the quoted text: the whole text of the e-mail is kept.]"

    /// Records the message `data` at `now`.
    public func ingest(_ data: Data, at now: Date) async -> IngestOutcome {
        await ingest(InboundMessage(data: data), data: data, at: now)
    }

    /// Records `message`, already parsed from `data`, at `now`.
    public func ingest(_ message: InboundMessage, data: Data, at now: Date) async -> IngestOutcome {
        if let problem = message.problem {
            return .refused(problem + "; it was not processed")
        }
        if let automatic = AutomaticMessage.marker(message) {
            return .refused("an automatic message (\(automatic)) is not recorded as a reply")
        }
        guard let reference = TicketReference.find(in: message, desk: address) else {
            return .unmatched("no ticket found: no \(address.localPart)+ticket-N address, no reference to a message of ours, no [#N] in the subject")
        }
        do {
            guard let found = try await desk.store.ticket(reference.number) else {
                return .refused("ticket \(reference.number) does not exist")
            }
            // A merged ticket's mail lands on the ticket it was merged into (and that one's, in turn).
            var chain = [found]
            while let target = chain[chain.count - 1].mergedInto, chain.count <= Self.mergeHops {
                guard let next = try await desk.store.ticket(target) else {
                    return .refused("ticket \(chain[chain.count - 1].number) was merged into ticket \(target), which does not exist")
                }
                chain.append(next)
            }
            let ticket = chain[chain.count - 1]
            let number = ticket.number
            if message.fromFieldCount > 1 {
                return .refused("the message has \(message.fromFieldCount) From: fields; a reply must name exactly one sender")
            }
            if message.senders.count > 1 {
                return .refused("the From: field names \(message.senders.count) mailboxes (\(RenderedEmail.headerSafe(message.senders.joined(separator: ", ")))); "
                                + "a reply must name exactly one sender")
            }
            guard let sender = message.sender else { return .refused("the message has no sender address") }
            guard sender == ticket.requester.email.lowercased() else {
                return .refused("the sender \(sender) is not the requester of ticket \(number)")
            }
            let emlName = Self.evidenceName(message: message, data: data)
            for recorded in chain {
                if case .files(let files)? = recorded.answers[Self.evidenceField], files.contains(where: { $0.name == emlName }) {
                    return .alreadyRecorded(ticket: recorded.number)
                }
            }
            return try await record(message, data: data, emlName: emlName, ticket: ticket, at: now)
        } catch let failure as TicketDesk.Failure {
            return .refused(failure.description)
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// Fires the event with the cleaned text and the evidence files; retries once on a conflict.
    private func record(_ message: InboundMessage, data: Data, emlName: String, ticket: Ticket,
                        at now: Date) async throws -> IngestOutcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-mail-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = [try Self.evidence(named: emlName, mediaType: "message/rfc822", content: data, in: folder, index: 0)]
        for (index, attachment) in message.attachments.enumerated() {
            files.append(try Self.evidence(named: attachment.name, mediaType: attachment.mediaType,
                                           content: attachment.content, in: folder, index: index + 1))
        }
        let reply = ReplyCleaner.reply(in: message.text)
        let text = reply.isWholeText ? Self.wholeTextNote + "\n\n" + reply.text : reply.text
        let attachments = EventAttachments(field: Self.evidenceField, files: files)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let report = try await desk.transition(ticket.number, event: event, by: .requester,
                                                       message: text.isEmpty ? nil : text, attachments: attachments,
                                                       origin: String(emlName.dropLast(".eml".count)), at: now)
                let from = report.outcome.history.last?.from ?? ticket.status
                return .recorded(ticket: ticket.number, from: from, to: report.ticket.status)
            } catch TicketStoreError.conflict where attempt < 3 {
                continue
            }
        }
    }

    /// Writes one evidence file and describes it.
    private static func evidence(named name: String, mediaType: String, content: Data, in folder: URL,
                                 index: Int) throws -> EventAttachments.File {
        let url = folder.appendingPathComponent("\(index)")
        try content.write(to: url)
        let reference = AttachmentRef(name: name, size: Int64(content.count), mediaType: mediaType,
                                      sha256: SHA256.hexDigest(of: content))
        return EventAttachments.File(reference: reference, url: url)
    }

    /// `TOKEN.eml`: the Message-ID made safe, or the SHA-256 of the bytes when there is none (or it
    /// is very long).
    static func evidenceName(message: InboundMessage, data: Data) -> String {
        if let id = message.messageID {
            let token = MessageToken.token(for: String(id.dropFirst().dropLast()))
            if token.count <= 150 { return token + ".eml" }
        }
        return "sha256-" + SHA256.hexDigest(of: data) + ".eml"
    }
}
