import FormrunnerCore

/// The page after a ticket is filed: its number and where the confirmation went.
enum ConfirmationPage {
    static func body(_ ticket: Ticket, language: String) -> String {
        "<h1>\(HTML.escape(PageText.ticketCreated.text(language, String(ticket.number))))</h1>"
            + "<p role=\"status\">\(HTML.escape(PageText.confirmationSent.text(language, ticket.requester.email)))</p>"
            + "<p><a href=\"/tickets/\(ticket.number)\">\(HTML.escape(PageText.viewTicket.text(language, String(ticket.number))))</a> · "
            + "<a href=\"/history\">\(PageText.requestHistory.text(language))</a></p>"
    }
}
