import FormrunnerCore

/// A plugin that was asked for and cannot be used.
public enum PluginLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file of the plugin's name is in any folder of `PATH`.
    case missing(kind: PluginKind, name: String, available: [String])
    /// The only files of the plugin's name may not be run.
    case notExecutable(kind: PluginKind, name: String, path: String)

    /// The problem and what to do about it.
    public var description: String {
        switch self {
        case .missing(let kind, let name, let available):
            return "no \(kind.noun) plugin '\(name)': no executable named \(kind.executableName(name)) on PATH"
                + Suggestion.hint(for: name, in: available) + " (`formrunner plugins list` shows the installed plugins)"
        case .notExecutable(let kind, let name, let path):
            return "the \(kind.noun) plugin '\(name)' at \(path) is not executable; run chmod +x \(path)"
        }
    }
}

extension PluginKind {
    /// `notifier` or `authenticator`, as messages say it.
    var noun: String {
        switch self {
        case .notifier: return "notifier"
        case .auth: return "authenticator"
        }
    }
}
