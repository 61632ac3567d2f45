import Foundation

/// The reserved answers under which a ticket keeps the answer of its latest evaluated survey round.
///
/// They start with `_`, which no form field id may, so they never meet a form's own answers (as
/// `_email`, the e-mail evidence). Every answer is also in the history (event `survey`).
public enum SurveyKeys {
    /// The round answered, a number.
    public static let round = "_survey.round"
    /// The rating option id, a choice.
    public static let rating = "_survey.rating"
    /// The comment, a text (absent when none was given).
    public static let comment = "_survey.comment"
    /// When it was answered, ISO-8601 text in UTC with milliseconds.
    public static let answeredAt = "_survey.answered_at"

    /// The history event that records an answer.
    public static let event = "survey"

    /// The id of the survey form's rating field.
    public static let ratingField = "rating"
    /// The id of the survey form's comment field.
    public static let commentField = "comment"

    /// The stored answer of `round`, if that round was answered.
    static func answer(of ticket: Ticket, round: Int, form: FormDefinition?) -> SurveyStatus.Answer? {
        guard case .number(let answered)? = ticket.answers[Self.round], Int(exactly: answered) == round,
              case .choice(let rating)? = ticket.answers[Self.rating],
              case .text(let stamp)? = ticket.answers[answeredAt], let at = Self.instant(stamp) else { return nil }
        var comment: String?
        if case .text(let text)? = ticket.answers[Self.comment] { comment = text }
        let label = form?.field(ratingField)?.option(rating)?.label.english ?? rating
        return SurveyStatus.Answer(rating: rating, ratingLabel: label, comment: comment, answeredAt: at)
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
