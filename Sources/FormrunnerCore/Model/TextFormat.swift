/// The `format:` of a text field: what shape its answer must have.
public enum TextFormat: String, CaseIterable, Hashable, Sendable {
    /// An `http` or `https` address with a host.
    case url
    /// An e-mail address (`name@example.com`).
    case email
    /// A phone number in international E.164 form (`+5511999990000`); spaces, dots, dashes and
    /// parentheses typed between the digits are removed.
    case phone
}
