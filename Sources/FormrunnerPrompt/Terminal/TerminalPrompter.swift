import Foundation

/// Asks questions in a terminal in raw mode: arrow-key choice lists with type-to-filter, masked
/// secrets and a multiline editor, each redrawn in place and collapsed to a one-line summary once
/// answered.
///
/// Keys: ↑/↓ (and Tab, Page Up/Down) move; typing narrows a list and Backspace widens it again
/// (Esc or Ctrl-U clears the filter); Space toggles in a multiple choice; Enter chooses or
/// confirms; Ctrl-C cancels (``PromptInterruption/cancelled``); Ctrl-D on an empty line ends the
/// input (``PromptInterruption/endOfInput``) and finishes a multiline text.
///
/// The terminal's mode is switched to raw for each question only, and restored when the question
/// ends, however it ends.
public final class TerminalPrompter: Prompter {
    let device: TerminalDevice
    /// The language of the prompter's own hints and refusals.
    public var language = "en"
    var keys: KeyDecoder

    /// A prompter reading keys from `input` and drawing on `output` (both normally a terminal).
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        device = TerminalDevice(input: input, output: output)
        keys = KeyDecoder(source: ByteSource(descriptor: input))
    }

    /// Writes the message, coloured by its style when colour is on.
    public func say(_ text: String, style: MessageStyle) {
        let tone = Tone(style)
        let lines = text.terminalSafe.split(separator: "\n", omittingEmptySubsequences: false)
        device.write(lines.map { tone.apply(String($0)) }.joined(separator: "\n") + "\n")
    }

    /// Runs one question in raw mode, with the cursor hidden if asked; the terminal mode and the
    /// cursor are restored on every way out.
    func interact<T>(hideCursor: Bool, _ body: (inout FrameRenderer) throws(PromptInterruption) -> T) throws(PromptInterruption) -> T {
        device.enterRawMode()
        if hideCursor { device.write("\u{1B}[?25l") }
        defer {
            if hideCursor { device.write("\u{1B}[?25h") }
            device.restoreMode()
        }
        var renderer = FrameRenderer()
        return try body(&renderer)
    }

    /// Draws `frame` in place of the question's previous frame.
    func draw(_ frame: Frame, _ renderer: inout FrameRenderer) {
        device.write(renderer.draw(frame, columns: device.size.columns))
    }

    /// Replaces the question with its one-line summary.
    func finish(_ label: String, answer: String, _ renderer: inout FrameRenderer) {
        var line = StyledLine("✔ ", .success)
        line.append(label, .strong)
        if !answer.isEmpty {
            line.append(" · ", .subdued)
            line.append(answer.singleLine.truncated(to: max(10, device.size.columns - line.width - 1)), .accent)
        }
        device.write(renderer.finish(Frame(lines: [line]), columns: device.size.columns))
    }

    /// The next key; on Ctrl-C or the end of input, collapses the question and throws.
    func readKey(_ label: String, _ renderer: inout FrameRenderer) throws(PromptInterruption) -> Key {
        switch keys.next() {
        case nil: try abandon(label, .endOfInput, &renderer)
        case .interrupt?: try abandon(label, .cancelled, &renderer)
        case let key?: return key
        }
    }

    /// Collapses the question to a line saying why it was left, then throws `reason`.
    func abandon(_ label: String, _ reason: PromptInterruption, _ renderer: inout FrameRenderer) throws(PromptInterruption) -> Never {
        var line = StyledLine("✗ ", .failure)
        line.append(label, .strong)
        line.append(" · " + (reason == .cancelled ? PromptText.cancelled(language) : PromptText.endOfInput(language)), .subdued)
        device.write(renderer.finish(Frame(lines: [line]), columns: device.size.columns))
        throw reason
    }

    /// The first line of a question: `? label  note`.
    static func header(_ label: String, note: String?) -> StyledLine {
        var line = StyledLine("? ", .accent)
        line.append(label, .strong)
        if let note, !note.isEmpty { line.append("  " + note, .subdued) }
        return line
    }
}
