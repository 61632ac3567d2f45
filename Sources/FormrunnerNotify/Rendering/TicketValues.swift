import FormrunnerCore

/// The values a template's context takes from a ticket alone (``names``), in a fixed order: the same
/// for every e-mail about it, so worked out once for the e-mails of one change (a new ticket's
/// confirmation and its agent's notice).
///
/// Kept as a list rather than a ``TemplateContext``: an e-mail spliced from its stencil (see
/// ``MessageStencil``) needs no context at all, only these values, compared and hashed in order with
/// the request's (``MessageRenderer``), where a context would be a dictionary built, copied and
/// hashed key by key for each e-mail.
struct TicketValues: Sendable {
    /// The context keys, the spliced ones first (in the order of ``MessageStencil/splicedKeys``).
    static let names = MessageStencil.splicedKeys + sharedNames
    /// The keys after the spliced ones, the order of ``shared``.
    static let sharedNames = ["ticket.status_id", "ticket.status", "ticket.form_id", "ticket.form_title", "ticket.account",
                              "ticket.team", "ticket.priority", "ticket.assignee", "ticket.merged_into", "desk.name"]

    /// The spliced values: the ticket's number and title, the requester's name and e-mail.
    let spliced: [String]
    /// The other values, by ``sharedNames`` (`nil`: the key is not set).
    let shared: [String?]

    init(spliced: [String], shared: [String?]) {
        self.spliced = spliced
        self.shared = shared
    }

    /// The values as a template context, with room for the request's keys beside them.
    var context: TemplateContext {
        var context = TemplateContext()
        // Room for these 14 keys and the request's 4 (see ``MessageRenderer``): built once, not grown
        // and rehashed on the way (it is made for every e-mail rendered in full).
        context.values.reserveCapacity(Self.names.count + 4)
        for (name, value) in zip(MessageStencil.splicedKeys, spliced) { context[name] = value }
        for (name, value) in zip(Self.sharedNames, shared) where value != nil { context[name] = value }
        return context
    }
}
