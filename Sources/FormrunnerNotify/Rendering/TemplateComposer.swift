import Foundation
import FormrunnerCore

/// The ``MessageComposing`` the desk uses: renders the catalog's templates with ``MessageRenderer``
/// and addresses each message (the requester's e-mail, or the team's address for agents).
public struct TemplateComposer: MessageComposing {
    public var renderer: MessageRenderer
    /// Where messages to agents go.
    public var agentAddress: String

    public init(catalog: Catalog, deskName: String = "Support", agentAddress: String = "agents@formrunner.local") {
        renderer = MessageRenderer(catalog: catalog, deskName: deskName)
        self.agentAddress = agentAddress
    }

    public func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                        at now: Date) throws -> OutboxMessage {
        let address = request.recipient == .requester ? ticket.requester.email : agentAddress
        return try renderer.message(for: request, ticket: ticket, lifecycle: lifecycle, address: address, now: now,
                                    id: UUID().uuidString.lowercased())
    }
}
