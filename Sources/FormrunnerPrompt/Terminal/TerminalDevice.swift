import Foundation

/// The terminal behind a pair of file descriptors: its size, raw mode and output.
final class TerminalDevice {
    let input: Int32
    let output: Int32
    private var saved: termios?

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Columns and rows of the output terminal; 80 × 24 when unknown.
    var size: (columns: Int, rows: Int) {
        var window = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            return (Int(window.ws_col), Int(window.ws_row))
        }
        if ioctl(input, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            return (Int(window.ws_col), Int(window.ws_row))
        }
        return (80, 24)
    }

    /// Switches the input to raw mode: bytes arrive one by one, unechoed, and Ctrl-C, Ctrl-Z and
    /// Ctrl-\ arrive as bytes instead of signals. Output processing stays on.
    func enterRawMode() {
        var mode = termios()
        guard saved == nil, tcgetattr(input, &mode) == 0 else {
            SignalTrap.arm(restoring: nil)
            return
        }
        saved = mode
        SignalTrap.arm(restoring: (input, mode))
        mode.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        mode.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | BRKINT | ISTRIP)
        mode.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &mode.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSANOW, &mode)
    }

    /// Puts back the mode saved by ``enterRawMode()``.
    func restoreMode() {
        if var mode = saved {
            tcsetattr(input, TCSANOW, &mode)
            saved = nil
        }
        SignalTrap.disarm()
    }

    /// Writes `text` to the output.
    func write(_ text: String) {
        writeAll(output, text)
    }
}
