/// Asks questions and shows messages: ``TerminalPrompter`` in raw mode, ``LinePrompter`` line by line.
///
/// Every text given to a prompter (labels, help, options, defaults, messages, reasons) is shown
/// with control and escape characters neutralised (`String.terminalSafe`), so text from
/// definitions and people can never drive the terminal.
///
/// Every question throws ``PromptInterruption/cancelled`` on Ctrl-C and
/// ``PromptInterruption/endOfInput`` when the input ends.
public protocol Prompter: AnyObject {
    /// Shows a message on its own line(s).
    func say(_ text: String, style: MessageStyle)

    /// Asks for text and returns the accepted answer.
    ///
    /// An empty answer takes `default` when there is one; the answer is then given to `check`,
    /// which returns nil when it is fine, or the reason to show before asking again.
    /// - Parameters:
    ///   - masked: hide what is typed (and show a default as `••••`, never its text).
    ///   - multiline: several lines. In a terminal the editor starts with `default` in it and ends
    ///     with Ctrl-D or a line holding a single `.`; line by line, a line holding a single `.` ends
    ///     the text, and ending at once takes `default`.
    ///   - check: returns nil when fine, or the reason to re-ask.
    func askText(_ label: String, help: String?, default: String?, masked: Bool, multiline: Bool,
                 check: (String) -> String?) throws(PromptInterruption) -> String

    /// Asks for one option and returns its id; `default` is the option id chosen by an empty answer
    /// (and highlighted first in a terminal).
    func askChoice(_ label: String, help: String?, options: [PromptOption], default: String?) throws(PromptInterruption) -> String

    /// Asks for any number of options and returns their ids in the options' order.
    ///
    /// `defaults` are selected at first (line by line: kept by an empty answer). `check` returns
    /// nil when the selection is fine, or the reason to re-ask.
    func askMultiChoice(_ label: String, help: String?, options: [PromptOption], defaults: [String],
                        check: ([String]) -> String?) throws(PromptInterruption) -> [String]

    /// Asks a yes/no question that has a default.
    func askConfirm(_ label: String, default: Bool) throws(PromptInterruption) -> Bool

    /// Asks a yes/no question that may have no default.
    ///
    /// An empty answer takes `default`; without one it returns nil when `skippable`, and re-asks
    /// otherwise. When `skippable`, `-` answers nil even if there is a default.
    func askYesNo(_ label: String, help: String?, default: Bool?, skippable: Bool) throws(PromptInterruption) -> Bool?

    /// The language of the prompter's own hints and refusals (`en`, `pt`, `es`); see ``RequesterText``.
    var language: String { get set }
}

extension Prompter {
    /// Prompters that speak only English (test doubles) keep `en`.
    public var language: String {
        get { "en" }
        set {}
    }
}
