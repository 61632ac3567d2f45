/// Why a notification could not be rendered.
public enum MessageRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No template with this name under `Workflows/templates/`.
    case templateNotFound(String)
    /// The template's first line is not `Subject: …`.
    case missingSubject(template: String)
    /// The `Subject:` line is not followed by a blank line.
    case missingBlankLine(template: String)
    /// The template (or a life cycle variable) is not valid Mustache.
    case invalidTemplate(String, reason: String)
    /// A life cycle's template variable is not valid Mustache.
    case invalidVariable(String, lifecycle: String, reason: String)

    /// The problem in one sentence, naming the template.
    public var description: String {
        switch self {
        case .templateNotFound(let name):
            return "e-mail template '\(name)' does not exist (expected Workflows/templates/\(name).mustache)"
        case .missingSubject(let name):
            return "e-mail template '\(name)' must start with a 'Subject: …' line, then a blank line, then the body"
        case .missingBlankLine(let name):
            return "e-mail template '\(name)' must have a blank line between its 'Subject: …' line and the body"
        case .invalidTemplate(let name, let reason):
            return "e-mail template '\(name)' is not valid Mustache: \(reason)"
        case .invalidVariable(let name, let lifecycle, let reason):
            return "variable '\(name)' of life cycle '\(lifecycle)' is not valid Mustache: \(reason)"
        }
    }
}
