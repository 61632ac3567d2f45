#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole-screen terminal session for interactive tools such as `formrunner desk`: raw mode on
/// the alternate screen, key presses decoded, whole frames drawn; and a way to hand the terminal to
/// another program (an editor) and take it back.
public final class FullScreen {
    /// A key press as a screen reads it.
    public enum Press: Equatable, Sendable {
        case character(Character)
        case up, down, left, right, pageUp, pageDown, home, end
        case enter, escape, tab, backspace
        /// Ctrl-C or Ctrl-D.
        case quit
        case other
    }

    private let device: TerminalDevice
    private var decoder: KeyDecoder
    private var active = false

    /// A screen on `input` and `output` (standard input and output by default).
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        device = TerminalDevice(input: input, output: output)
        decoder = KeyDecoder(source: ByteSource(descriptor: input))
    }

    /// Whether both ends are terminals.
    public static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Columns and rows.
    public var size: (columns: Int, rows: Int) { device.size }

    /// Enters raw mode and the alternate screen, cursor hidden.
    public func begin() {
        guard !active else { return }
        active = true
        device.enterRawMode()
        device.write("\u{1B}[?1049h\u{1B}[?25l")
    }

    /// Leaves the alternate screen and raw mode, cursor shown.
    public func end() {
        guard active else { return }
        active = false
        device.write("\u{1B}[?25h\u{1B}[?1049l")
        device.restoreMode()
    }

    deinit { end() }

    /// Draws `lines` as the whole screen (each cut to the width; escape sequences in them are kept).
    public func draw(_ lines: [String]) {
        let (columns, rows) = size
        let shown = lines.prefix(rows).map { line in Self.cut(line, to: columns) }
        device.write("\u{1B}[H\u{1B}[2J" + shown.joined(separator: "\r\n"))
    }

    /// The next key press; `nil` when the input ended.
    public func next() -> Press? {
        guard let key = decoder.next() else { return nil }
        switch key {
        case .character(let character): return .character(character)
        case .up: return .up
        case .down: return .down
        case .left: return .left
        case .right: return .right
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .home
        case .end: return .end
        case .enter: return .enter
        case .escape: return .escape
        case .tab: return .tab
        case .backspace: return .backspace
        case .interrupt, .endOfTransmission: return .quit
        default: return .other
        }
    }

    /// Runs `body` with the terminal given back as it was (an editor runs in it), then takes it again.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        let wasActive = active
        end()
        defer { if wasActive { begin() } }
        return try body()
    }

    /// `line` cut to `columns` visible characters, escape sequences not counted.
    static func cut(_ line: String, to columns: Int) -> String {
        var out = ""
        var visible = 0
        var inEscape = false
        for character in line {
            if inEscape {
                out.append(character)
                if character.isLetter { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                out.append(character)
                continue
            }
            guard visible < columns else { continue }
            out.append(character)
            visible += 1
        }
        return out + (line.contains("\u{1B}") ? "\u{1B}[0m" : "")
    }
}
