import Rainbow

/// The colours of the prompts, applied through Rainbow (so `NO_COLOR` and non-terminals get none).
enum Tone {
    case plain, accent, strong, subdued, failure, success, warning

    /// `text` in this tone.
    func apply(_ text: String) -> String {
        switch self {
        case .plain: return text
        case .accent: return text.cyan
        case .strong: return text.bold
        case .subdued: return text.dim
        case .failure: return text.red
        case .success: return text.green
        case .warning: return text.yellow
        }
    }

    /// The tone of a message style.
    init(_ style: MessageStyle) {
        switch style {
        case .title: self = .strong
        case .info: self = .subdued
        case .success: self = .success
        case .warning: self = .warning
        case .error: self = .failure
        case .plain: self = .plain
        }
    }
}
