import Foundation
import FormrunnerCore

/// Turns a notification request into an outbox message by rendering its e-mail template.
///
/// Templates (`Workflows/templates/NAME.mustache`) start with a `Subject: …` line, a blank line, then
/// the plain-text body. They see:
///
/// | key | value |
/// |---|---|
/// | `ticket.number`, `ticket.title` | the ticket |
/// | `ticket.status`, `ticket.status_id` | the current status's label and id |
/// | `ticket.previous_status` | the label of the status before the event, if it changed |
/// | `ticket.form_title`, `ticket.form_id` | the form it was filed with |
/// | `ticket.account` | the account it is about, if any |
/// | `ticket.team`, `ticket.priority`, `ticket.assignee` | its team's and priority's labels, and its agent's e-mail |
/// | `ticket.merged_into` | the ticket it was merged into, if it was (`tickets merge`) |
/// | `requester.name`, `requester.email` | who asked (the name falls back to the e-mail) |
/// | `message` | the text that came with the event, if any |
/// | `event` | the event (`create` for a new ticket) |
/// | `desk.name` | the support desk's name |
/// | `survey.url` | the link to the ticket's current satisfaction-survey round, when the ticket is in the survey status and ``surveyLinks`` is set |
/// | life cycle `variables` | each rendered first with the keys above |
///
/// A template may have a version per language, `NAME.pt.mustache`, `NAME.es.mustache`: a ticket's
/// e-mails use the version in the ticket's language (``Ticket/language``), else `NAME.mustache`,
/// and show its labels (status, form title) in that language.
///
/// Nothing is HTML-escaped: e-mails are plain text. The subject is forced onto one line.
///
/// The catalog's templates and life cycle variables are compiled once, when first rendered (not
/// when the renderer is made: a command that sends nothing parses nothing); a template that does
/// not compile fails each time it is rendered. Templates beyond ``TemplateBounds`` are refused
/// before they are parsed.
public struct MessageRenderer: Sendable {
    /// The catalog whose templates are rendered; setting it compiles its templates again.
    public var catalog: Catalog {
        didSet { compiled = CompiledTemplates(catalog) }
    }
    /// The support desk's name, `desk.name` in templates.
    public var deskName: String
    /// The language of labels and templates when the ticket has none of its own (falling back to English).
    public var language: String
    /// Makes `survey.url`; without it, templates get no survey link.
    public var surveyLinks: SurveyLinks?
    /// The templates and variables of `catalog`, compiled.
    private var compiled: CompiledTemplates

    /// A renderer for the templates of `catalog`.
    public init(catalog: Catalog, deskName: String = "Support", language: String = "en",
                surveyLinks: SurveyLinks? = nil) {
        self.catalog = catalog
        self.deskName = deskName
        self.language = language
        self.surveyLinks = surveyLinks
        compiled = CompiledTemplates(catalog)
    }

    /// Renders `request` about `ticket` into a message to `address`, created `now` with the id `id`.
    ///
    /// - Throws: ``MessageRenderError`` when the template is missing, has no `Subject:` line or is
    ///   not valid Mustache.
    public func message(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                        address: String, now: Date, id: String) throws(MessageRenderError) -> OutboxMessage {
        try message(for: request, ticket: ticket, lifecycle: lifecycle, address: address, now: now, id: id, sharing: nil)
    }

    /// ``message(for:ticket:lifecycle:address:now:id:)`` with the ticket's part of the context already
    /// worked out (``ticketContext(_:lifecycle:)``), for the several e-mails of one change.
    func message(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, address: String,
                 now: Date, id: String, sharing ticketContext: TemplateContext?) throws(MessageRenderError) -> OutboxMessage {
        let email = try self.email(for: request, ticket: ticket, lifecycle: lifecycle, sharing: ticketContext)
        return OutboxMessage(id: id, ticketNumber: ticket.number, recipient: request.recipient, address: address,
                             template: request.template, subject: email.subject, body: email.body, createdAt: now)
    }

    /// Renders the template called `name` with `context` (plus `desk.name`), e.g. for a one-time
    /// code that belongs to no ticket yet, in `language` (``language`` when `nil`).
    public func render(template name: String, context: TemplateContext,
                       language: String? = nil) throws(MessageRenderError) -> RenderedEmail {
        let template = try compiled.template(name, language: language ?? self.language)
        var context = context
        if context["desk.name"] == nil { context["desk.name"] = deskName }
        let object = context.mustacheObject
        return RenderedEmail(subject: template.subject.render(object), body: template.body.render(object))
    }

    /// The e-mail of `request` about `ticket`: spliced from the template's stencil when it has one (see
    /// ``MessageStencil``: the same text, rendered once for all tickets that differ only in number,
    /// title and requester), else rendered in full.
    private func email(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                       sharing ticketContext: TemplateContext? = nil) throws(MessageRenderError) -> RenderedEmail {
        var base = baseContext(for: request, ticket: ticket, lifecycle: lifecycle, sharing: ticketContext)
        // A survey link is made for each ticket: such messages are rendered in full.
        if base["survey.url"] == nil {
            // The spliced values are taken out of the context in place (not out of a copy of it, which
            // would hash every key again), and put back when the message is rendered in full.
            let spliced = MessageStencil.splicedKeys.map { base.values.removeValue(forKey: $0) }
            let values = spliced.map { $0 ?? "" }
            let key = MessageStencil.Key(template: request.template, language: ticket.language ?? language,
                                         shared: base.values, variables: lifecycle.variables)
            if let stencil = compiled.stencils.value(of: key, make: { stencil(for: $0, lifecycle: lifecycle, first: values) }),
               let email = stencil.fill(values) {
                return email
            }
            for (name, value) in zip(MessageStencil.splicedKeys, spliced) { base[name] = value }
        }
        let context = try withVariables(base, lifecycle: lifecycle)
        return try render(template: request.template, context: context, language: ticket.language)
    }

    /// The stencil of `key`, checked against the ticket whose values are `first`; `nil` when the
    /// template does not render, calls functions, or splices differently.
    private func stencil(for key: MessageStencil.Key, lifecycle: LifecycleDefinition, first: [String]) -> MessageStencil? {
        guard let source = compiled.source(key.template, language: key.language),
              let template = try? compiled.template(key.template, language: key.language),
              !([source] + Array(key.variables.values)).contains(where: MessageStencil.callsFunctions) else { return nil }
        return MessageStencil.make(render: { values in
            var context = TemplateContext(key.shared)
            for (name, value) in zip(MessageStencil.splicedKeys, values) { context[name] = value }
            let object = try withVariables(context, lifecycle: lifecycle).mustacheObject
            return (template.subject.render(object), template.body.render(object))
        }, first: first)
    }

    /// What the template of `request` sees, life cycle variables included.
    public func context(for request: NotificationRequest, ticket: Ticket,
                        lifecycle: LifecycleDefinition) throws(MessageRenderError) -> TemplateContext {
        try withVariables(baseContext(for: request, ticket: ticket, lifecycle: lifecycle), lifecycle: lifecycle)
    }

    /// What the template of `request` sees before the life cycle variables: the ticket's part
    /// (`ticketContext`, made here when `nil`) and the request's.
    private func baseContext(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                             sharing ticketContext: TemplateContext? = nil) -> TemplateContext {
        let language = ticket.language ?? self.language
        var context = ticketContext ?? self.ticketContext(ticket, lifecycle: lifecycle)
        context["ticket.previous_status"] = request.previousStatus.map { label(of: $0, in: lifecycle, language: language) }
        if let message = request.message, !QuickTrim.isBlank(message) {
            context["message"] = message
        }
        context["event"] = request.event
        if let round = request.surveyRound, let surveyLinks {
            context["survey.url"] = surveyLinks.url(for: ticket, round: round)
        }
        return context
    }

    /// The part of a template's context that comes from `ticket` alone, the same for every e-mail
    /// about it (with `desk.name`).
    func ticketContext(_ ticket: Ticket, lifecycle: LifecycleDefinition) -> TemplateContext {
        let language = ticket.language ?? self.language
        var context = TemplateContext()
        // Room for these 15 keys and the request's 4 (``baseContext``): built once, not grown and
        // rehashed four times on the way (it is made for every e-mail of a tick).
        context.values.reserveCapacity(19)
        context["ticket.number"] = String(ticket.number)
        context["ticket.title"] = ticket.title
        context["ticket.status_id"] = ticket.status
        context["ticket.status"] = label(of: ticket.status, in: lifecycle, language: language)
        context["ticket.form_id"] = ticket.formID
        context["ticket.form_title"] = catalog.forms[ticket.formID]?.title.text(in: language) ?? ticket.formID
        context["ticket.account"] = ticket.account
        context["ticket.team"] = ticket.team.map { catalog.teams[$0]?.label.text(in: language) ?? $0 }
        context["ticket.priority"] = ticket.priority.map { catalog.priorities?.level($0)?.label.text(in: language) ?? $0 }
        context["ticket.assignee"] = ticket.assignee
        context["ticket.merged_into"] = ticket.mergedInto.map(String.init)
        let name = ticket.requester.name.map { QuickTrim.whitespacesAndNewlines($0) } ?? ""
        context["requester.name"] = name.isEmpty ? ticket.requester.email : name
        context["requester.email"] = ticket.requester.email
        context["desk.name"] = deskName
        return context
    }

    /// `context` with the life cycle variables it does not set, each rendered with it.
    private func withVariables(_ context: TemplateContext,
                               lifecycle: LifecycleDefinition) throws(MessageRenderError) -> TemplateContext {
        guard !lifecycle.variables.isEmpty else { return context }
        var context = context
        let base = context.mustacheObject
        for (key, source) in lifecycle.variables.sorted(by: { $0.key < $1.key }) where context[key] == nil {
            do {
                context[key] = try compiled.variable(key, source: source).render(base)
            } catch {
                if case .invalidTemplate(_, let reason) = error {
                    throw .invalidVariable(key, lifecycle: lifecycle.id, reason: reason)
                }
                throw error
            }
        }
        return context
    }

    /// The label of status `id`, or the id if the life cycle has no such status.
    private func label(of id: String, in lifecycle: LifecycleDefinition, language: String) -> String {
        lifecycle.status(id)?.label.text(in: language) ?? id
    }
}
