/// How a `when:` condition sees a field: the operators and literals it accepts.
///
/// Several form field types share one condition type; `text`, `multiline`, `email`, `secret`
/// and `account` fields are all ``text``. See ``FieldType/conditionType(options:)``.
public enum ConditionFieldType: Hashable, Sendable {
    /// Free text: `==`, `!=`, `in` and `contains` with text.
    case text
    /// A number: comparisons and ordering with numbers.
    case number
    /// True or false: usable on its own, or with `==`/`!=` and `true`/`false`.
    case boolean
    /// A calendar day: comparisons and ordering with `date("YYYY-MM-DD")`.
    case date
    /// A day and a time of day: comparisons and ordering with other date-and-time fields.
    case dateTime
    /// Attached files: only `empty()` and `count()`.
    case files
    /// One option id out of `options`: `==`, `!=` and `in` with those ids.
    case choice(options: [String])
    /// Several option ids out of `options`: `contains`, `empty()` and `count()`.
    case multichoice(options: [String])

    /// The form field type name, as in "number field 'amount'".
    var name: String {
        switch self {
        case .text: return "text"
        case .number: return "number"
        case .boolean: return "boolean"
        case .date: return "date"
        case .dateTime: return "datetime"
        case .files: return "files"
        case .choice: return "choice"
        case .multichoice: return "multichoice"
        }
    }
}
