import Foundation
@preconcurrency import Rainbow

/// Picks the prompter that suits the standard streams.
public enum PrompterFactory {
    /// A ``LinePrompter`` when `plain` is asked, when standard input is not a terminal or when
    /// `TERM=dumb`; a ``TerminalPrompter`` otherwise. Turns colour off when `NO_COLOR` is set.
    public static func make(plain: Bool) -> any Prompter {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            Rainbow.enabled = false
        }
        if usesPlainLines(plain: plain, inputIsTerminal: isatty(STDIN_FILENO) == 1, term: environment["TERM"]) {
            return LinePrompter()
        }
        return TerminalPrompter()
    }

    /// Whether line-by-line prompting is needed: asked for, input not a terminal, or a dumb terminal.
    public static func usesPlainLines(plain: Bool, inputIsTerminal: Bool, term: String?) -> Bool {
        plain || !inputIsTerminal || term == "dumb"
    }
}
