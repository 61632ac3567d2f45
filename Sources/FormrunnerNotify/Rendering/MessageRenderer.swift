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

    /// ``message(for:ticket:lifecycle:address:now:id:)`` with the ticket's values already worked out
    /// (``ticketValues(_:lifecycle:)``), for the several e-mails of one change.
    func message(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, address: String,
                 now: Date, id: String, sharing ticketValues: TicketValues?) throws(MessageRenderError) -> OutboxMessage {
        let email = try self.email(for: request, ticket: ticket, lifecycle: lifecycle, sharing: ticketValues)
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
    ///
    /// The stencil is looked up by the ticket's and the request's values in their fixed order
    /// (``TicketValues``, ``requestValues(_:lifecycle:language:)``), without making a context.
    private func email(for request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition,
                       sharing ticketValues: TicketValues? = nil) throws(MessageRenderError) -> RenderedEmail {
        let ticketValues = ticketValues ?? self.ticketValues(ticket, lifecycle: lifecycle)
        let language = ticket.language ?? self.language
        let surveyURL = request.surveyRound.flatMap { round in surveyLinks?.url(for: ticket, round: round) }
        // A survey link is made for each ticket: such messages are rendered in full.
        if surveyURL == nil {
            let key = MessageStencil.Key(template: request.template, language: language,
                                         shared: ticketValues.shared + requestValues(request, lifecycle: lifecycle, language: language),
                                         variables: lifecycle.variables)
            let values = ticketValues.spliced
            if let stencil = compiled.stencils.value(of: key, make: { stencil(for: $0, lifecycle: lifecycle, first: values) }),
               let email = stencil.fill(values) {
                return email
            }
        }
        var base = ticketValues.context
        add(request, lifecycle: lifecycle, language: language, surveyURL: surveyURL, to: &base)
        let context = try withVariables(base, lifecycle: lifecycle)
        return try render(template: request.template, context: context, language: ticket.language)
    }

    /// The stencil of `key`, checked against the ticket whose values are `first`; `nil` when the
    /// template does not render, calls functions, or splices differently.
    private func stencil(for key: MessageStencil.Key, lifecycle: LifecycleDefinition, first: [String]) -> MessageStencil? {
        guard let source = compiled.source(key.template, language: key.language),
              let template = try? compiled.template(key.template, language: key.language),
              !([source] + Array(key.variables.values)).contains(where: MessageStencil.callsFunctions) else { return nil }
        var shared = TemplateContext()
        for (name, value) in zip(Self.sharedNames, key.shared) where value != nil { shared[name] = value }
        return MessageStencil.make(render: { values in
            var context = shared
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
    /// and the request's.
    private func baseContext(for request: NotificationRequest, ticket: Ticket,
                             lifecycle: LifecycleDefinition) -> TemplateContext {
        let language = ticket.language ?? self.language
        var context = ticketContext(ticket, lifecycle: lifecycle)
        let surveyURL = request.surveyRound.flatMap { round in surveyLinks?.url(for: ticket, round: round) }
        add(request, lifecycle: lifecycle, language: language, surveyURL: surveyURL, to: &context)
        return context
    }

    /// The context keys that come from the request, in the order of ``requestValues(_:lifecycle:language:)``.
    static let requestNames = ["ticket.previous_status", "message", "event"]
    /// The keys of ``MessageStencil/Key/shared``: the ticket's values after the spliced ones, then the request's.
    static let sharedNames = TicketValues.sharedNames + requestNames

    /// The values `request` adds to its ticket's context (but its survey link), by ``requestNames``.
    private func requestValues(_ request: NotificationRequest, lifecycle: LifecycleDefinition,
                               language: String) -> [String?] {
        [request.previousStatus.map { label(of: $0, in: lifecycle, language: language) },
         request.message.flatMap { QuickTrim.isBlank($0) ? nil : $0 },
         request.event]
    }

    /// Adds the values of `request` to `context`: ``requestValues(_:lifecycle:language:)`` and the survey link.
    private func add(_ request: NotificationRequest, lifecycle: LifecycleDefinition, language: String, surveyURL: String?,
                     to context: inout TemplateContext) {
        for (name, value) in zip(Self.requestNames, requestValues(request, lifecycle: lifecycle, language: language)) {
            context[name] = value
        }
        if let surveyURL { context["survey.url"] = surveyURL }
    }

    /// The part of a template's context that comes from `ticket` alone, the same for every e-mail
    /// about it (with `desk.name`).
    func ticketContext(_ ticket: Ticket, lifecycle: LifecycleDefinition) -> TemplateContext {
        ticketValues(ticket, lifecycle: lifecycle).context
    }

    /// The values of ``ticketContext(_:lifecycle:)``, in the order of ``TicketValues/names``.
    func ticketValues(_ ticket: Ticket, lifecycle: LifecycleDefinition) -> TicketValues {
        let language = ticket.language ?? self.language
        let name = ticket.requester.name.map { QuickTrim.whitespacesAndNewlines($0) } ?? ""
        return TicketValues(
            spliced: [String(ticket.number), ticket.title, name.isEmpty ? ticket.requester.email : name, ticket.requester.email],
            shared: [ticket.status,
                     label(of: ticket.status, in: lifecycle, language: language),
                     ticket.formID,
                     catalog.forms[ticket.formID]?.title.text(in: language) ?? ticket.formID,
                     ticket.account,
                     ticket.team.map { catalog.teams[$0]?.label.text(in: language) ?? $0 },
                     ticket.priority.map { catalog.priorities?.level($0)?.label.text(in: language) ?? $0 },
                     ticket.assignee,
                     ticket.mergedInto.map(String.init),
                     deskName])
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
