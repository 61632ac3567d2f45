import Foundation
import FormrunnerCore

/// Renders a macro's body for a ticket, in the ticket's language (falling back to English), with
/// the values e-mails see (``MessageRenderer``) and the agent's.
///
/// | key | value |
/// |---|---|
/// | `requester.name`, `requester.email` | who asked (the name falls back to the e-mail) |
/// | `ticket.number`, `ticket.title`, `ticket.status`, `ticket.form_title`, `ticket.account`… | the ticket |
/// | `agent.name`, `agent.email` | the agent who sends it (the name falls back to the e-mail, then the desk's name) |
/// | `desk.name` | the support desk's name |
public struct MacroRenderer: Sendable {
    /// The variables a macro may use (besides the life cycles' own `variables`).
    public static let variables: Set<String> = TemplateCheck.ticketVariables
        .subtracting(["message", "event", "survey.url", "ticket.previous_status"])
        .union(["agent.name", "agent.email"])

    /// Renders with this renderer's catalog and desk name.
    public var renderer: MessageRenderer

    public init(renderer: MessageRenderer) {
        self.renderer = renderer
    }

    /// Why a macro could not be used.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case unknown(String, hint: String)
        case invalid(String, reason: String)

        public var description: String {
            switch self {
            case .unknown(let id, let hint): return "unknown macro '\(id)'\(hint)"
            case .invalid(let id, let reason):
                return "macro '\(id)' cannot be rendered: \(reason) (run formrunner validate)"
            }
        }
    }

    /// The macro `id` of the catalog.
    public func macro(_ id: String) throws(Failure) -> MacroDefinition {
        guard let macro = renderer.catalog.macros[id] else {
            let ids = renderer.catalog.macros.keys.sorted()
            throw .unknown(id, hint: ids.isEmpty ? ": the catalog has no macros (add Workflows/macros.yaml)"
                           : Suggestion.hintOrList(for: id, in: ids))
        }
        return macro
    }

    /// The text of macro `id` for `ticket`, sent by the agent `agentName` <`agentEmail`>.
    public func render(_ id: String, ticket: Ticket, agentName: String?, agentEmail: String?) throws(Failure) -> String {
        let macro = try macro(id)
        guard let body = macro.body(in: ticket.language ?? renderer.language) else { throw .unknown(id, hint: "") }
        guard let lifecycle = renderer.catalog.lifecycles[ticket.lifecycleID] else {
            throw .invalid(id, reason: "ticket \(ticket.number) follows the unknown life cycle '\(ticket.lifecycleID)'")
        }
        do throws(MessageRenderError) {
            var context = try renderer.context(for: NotificationRequest(recipient: .requester, template: "", event: "macro"),
                                               ticket: ticket, lifecycle: lifecycle)
            let email = agentEmail.map(UserRecord.normalizedEmail)
            let name = agentName?.trimmingCharacters(in: .whitespacesAndNewlines)
            context["agent.email"] = email
            context["agent.name"] = name?.isEmpty == false ? name : (email ?? renderer.deskName)
            let template = try EmailTemplate.compile(body.text, name: "macro '\(id)'")
            return template.render(context.mustacheObject)
        } catch .invalidTemplate(_, let reason) {
            throw .invalid(id, reason: reason)
        } catch {
            throw .invalid(id, reason: error.description)
        }
    }
}
