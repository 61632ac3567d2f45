import FormrunnerCore

/// Makes the link to a round of a ticket's satisfaction survey, `{{survey.url}}` in templates.
///
/// Whoever builds the desk knows the public address of the site and the key survey tokens are signed
/// with, and injects it into ``MessageRenderer/surveyLinks``, e.g.
/// `SurveyLinks(baseURL: "https://support.example.com") { SurveyToken.issue(ticket: $0, round: $1, key: key) }`.
/// Without it, templates render with `survey.url` empty (a `{{#survey.url}}` section is left out).
public struct SurveyLinks: Sendable {
    /// The link for round `round` of ticket `number`, or `nil` for none.
    public let link: @Sendable (_ number: Int64, _ round: Int) -> String?

    /// Links made by `link`.
    public init(_ link: @escaping @Sendable (_ number: Int64, _ round: Int) -> String?) {
        self.link = link
    }

    /// Links `<baseURL>/survey/<token>`, the token made by `token` (a trailing `/` of `baseURL` is dropped).
    public init(baseURL: String, token: @escaping @Sendable (_ number: Int64, _ round: Int) -> String) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.init { number, round in base + "/survey/" + token(number, round) }
    }

    /// The link for `ticket`'s survey round `round`.
    public func url(for ticket: Ticket, round: Int) -> String? {
        link(ticket.number, round)
    }
}
