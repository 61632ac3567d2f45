import FormrunnerCore

/// A ticket's answers under their labels (`<dl>`), in the form's order and then any others by id:
/// files as download links, sealed answers masked, internal answers (`_…`) left out. The requester's
/// ticket page and the agents' ticket page both show it.
struct AnswerList {
    let catalog: Catalog
    let language: String

    /// The list for `ticket`: files link to `filesPath` + `/SHA256`; with `masksSecretFields`, an
    /// answer to a `secret` field is masked even when it was not sealed.
    func html(_ ticket: Ticket, filesPath: String, masksSecretFields: Bool) -> String {
        let form = catalog.forms[ticket.formID]
        var html = "<dl>"
        let ordered = (form?.fields.map(\.id) ?? []) + ticket.answers.keys.sorted()
        var seen: Set<String> = []
        for id in ordered where !id.hasPrefix("_") && seen.insert(id).inserted {
            guard let value = ticket.answers[id] else { continue }
            let field = form?.field(id)
            html += "<div><dt>\(HTML.escape(field?.label.text(in: language) ?? id))</dt><dd>"
            if case .files(let refs) = value {
                html += refs.map { "<a href=\"\(filesPath)/\($0.sha256)\" download>\(HTML.escape($0.name))</a>" }
                    .joined(separator: ", ")
            } else if SealedAnswer.isSealed(value) || masksSecretFields && field?.type == .secret {
                html += SealedAnswer.mask
            } else if let field {
                html += HTML.multiline(Portal.display(value, field: field, language: language))
            } else {
                html += HTML.multiline(value.plainText)
            }
            html += "</dd></div>"
        }
        return html + "</dl>"
    }
}
