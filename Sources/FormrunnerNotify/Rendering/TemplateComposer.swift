import Foundation
import FormrunnerCore

/// The ``MessageComposing`` the desk uses: renders the catalog's templates with ``MessageRenderer``
/// and addresses each message (the requester's e-mail, or the team's address for agents).
///
/// The requester's message on `create` (the confirmation) gets the outbox id
/// ``DeskAddress/rootOutboxID(ticket:)``, so that its Message-ID is the thread root every later
/// message of the ticket refers to; every other message gets a time-ordered UUID (``OutboxMessageID``).
public struct TemplateComposer: MessageComposing {
    /// Renders the messages; it compiles the catalog's templates once, so keep one composer for
    /// many messages.
    public var renderer: MessageRenderer
    /// Where messages to agents go.
    public var agentAddress: String

    /// A composer for the templates of `catalog`, signed `deskName`; `surveyLinks` makes the
    /// `{{survey.url}}` of messages sent while a ticket is in its survey status.
    public init(catalog: Catalog, deskName: String = "Support", agentAddress: String = "agents@formrunner.local",
                surveyLinks: SurveyLinks? = nil) {
        self.init(renderer: MessageRenderer(catalog: catalog, deskName: deskName, surveyLinks: surveyLinks),
                  agentAddress: agentAddress)
    }

    /// A composer that renders with `renderer`, e.g. one also used for one-time codes.
    public init(renderer: MessageRenderer, agentAddress: String = "agents@formrunner.local") {
        self.renderer = renderer
        self.agentAddress = agentAddress
    }

    /// The message for `request` about `ticket`, addressed to the requester or the agents.
    public func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                        at now: Date) throws -> OutboxMessage {
        try compose(request, ticket: ticket, lifecycle: lifecycle, at: now, sharing: nil)
    }

    /// The messages for `requests` about `ticket` (the e-mails of one change, e.g. a new ticket's
    /// confirmation and its agent's notice), the ticket's values worked out once.
    public func compose(_ requests: [NotificationRequest], ticket: Ticket, lifecycle: LifecycleDefinition,
                        at now: Date) throws -> [OutboxMessage] {
        guard requests.count > 1 else {
            return try requests.map { try compose($0, ticket: ticket, lifecycle: lifecycle, at: now, sharing: nil) }
        }
        let shared = renderer.ticketValues(ticket, lifecycle: lifecycle)
        return try requests.map { try compose($0, ticket: ticket, lifecycle: lifecycle, at: now, sharing: shared) }
    }

    private func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date,
                         sharing ticketValues: TicketValues?) throws -> OutboxMessage {
        let address = request.address ?? (request.recipient == .requester ? ticket.requester.email : agentAddress)
        let isRoot = request.event == "create" && request.recipient == .requester
        return try renderer.message(for: request, ticket: ticket, lifecycle: lifecycle, address: address, now: now,
                                    id: request.outboxID
                                        ?? (isRoot ? DeskAddress.rootOutboxID(ticket: ticket.number) : OutboxMessageID.next()),
                                    sharing: ticketValues)
    }
}
