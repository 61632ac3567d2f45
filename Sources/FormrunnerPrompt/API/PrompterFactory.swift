import Foundation
@preconcurrency import Rainbow

/// Picks the prompter that suits the standard streams.
public enum PrompterFactory {
    /// A ``LinePrompter`` when `plain` is asked, when standard input or output is not a terminal,
    /// or when `TERM=dumb`; a ``TerminalPrompter`` otherwise. Turns colour off when `NO_COLOR` is set.
    public static func make(plain: Bool) -> any Prompter {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            Rainbow.enabled = false
        }
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if usesPlainLines(plain: plain, onTerminal: terminal, term: environment["TERM"]) {
            return LinePrompter()
        }
        return TerminalPrompter()
    }

    /// Whether line-by-line prompting is needed: asked for, no terminal to draw on, or a dumb one.
    public static func usesPlainLines(plain: Bool, onTerminal: Bool, term: String?) -> Bool {
        plain || !onTerminal || term == "dumb"
    }
}
