import Foundation

/// Asks questions line by line: for pipes, dumb terminals, screen readers and `--plain`.
///
/// Each question prints its label, help, options (numbered) and default, then reads one line after
/// `> `. Choices accept a number, an id or a label; an invalid answer prints `error: <reason>` and
/// the question is asked again. Multiline text ends with a line holding a single `.`.
/// SIGINT while waiting throws ``PromptInterruption/cancelled``; the end of the input throws
/// ``PromptInterruption/endOfInput``.
public final class LinePrompter: Prompter {
    /// The language of the prompter's own hints and refusals.
    public var language = "en"
    private let input: FileHandle
    private let output: FileHandle
    private var reader: LineReader
    /// Whether the input is a terminal, which echoes answers itself.
    private let inputIsTerminal: Bool

    /// A prompter reading answers from `input` and writing questions to `output`.
    public init(input: FileHandle = .standardInput, output: FileHandle = .standardOutput) {
        self.input = input
        self.output = output
        reader = LineReader(descriptor: input.fileDescriptor)
        inputIsTerminal = isatty(input.fileDescriptor) == 1
    }

    /// Writes the message, coloured by its style when colour is on.
    public func say(_ text: String, style: MessageStyle) {
        let tone = Tone(style)
        let lines = text.terminalSafe.split(separator: "\n", omittingEmptySubsequences: false)
        write(lines.map { tone.apply(String($0)) }.joined(separator: "\n") + "\n")
    }

    /// Writes `text` as it is (callers make definition and user text safe first).
    func write(_ text: String) {
        writeAll(output.fileDescriptor, text)
    }

    /// Prints a question: its label with an optional note, its help, and extra lines.
    func ask(_ label: String, note: String? = nil, help: String?, details: [String] = []) {
        var text = Tone.strong.apply(label.singleLine)
        if let note, !note.isEmpty { text += " " + note.singleLine }
        text += "\n"
        for line in helpLines(help) { text += "  " + Tone.subdued.apply(line.singleLine) + "\n" }
        for detail in details { text += "  " + detail + "\n" }
        write(text)
    }

    /// Prints why an answer is refused.
    func refuse(_ reason: String) {
        write("  " + Tone.failure.apply("error: " + reason.singleLine) + "\n")
    }

    /// Reads one answer after `prompt`; a masked answer is not echoed by a terminal. When the input
    /// is not a terminal, the answer is written after the prompt (a masked one as a line break
    /// only), so that the output reads as a transcript.
    func readAnswer(prompt: String = "> ", masked: Bool = false) throws(PromptInterruption) -> String {
        write(prompt)
        let echo = masked ? EchoSwitch(offOn: input.fileDescriptor) : nil
        SignalTrap.arm(restoring: echo?.restoration)
        defer {
            echo?.restore()
            SignalTrap.disarm()
            if echo?.isActive == true { write("\n") }
        }
        switch reader.next() {
        case .line(let line):
            if !inputIsTerminal { write((masked ? "" : line.singleLine) + "\n") }
            return line
        case .end:
            write("\n")
            throw .endOfInput
        case .interrupted:
            write("\n")
            throw .cancelled
        }
    }
}
