import Foundation

/// Turns a terminal's echo off while a secret is typed in line mode; does nothing on pipes.
struct EchoSwitch {
    private let descriptor: Int32
    private let saved: termios?

    /// Turns echo off on `descriptor` when it is a terminal.
    init(offOn descriptor: Int32) {
        self.descriptor = descriptor
        var mode = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &mode) == 0 else {
            saved = nil
            return
        }
        saved = mode
        mode.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(descriptor, TCSANOW, &mode)
    }

    /// The mode to restore if the process is killed meanwhile.
    var restoration: (descriptor: Int32, mode: termios)? { saved.map { (descriptor, $0) } }

    /// Whether echo was turned off.
    var isActive: Bool { saved != nil }

    /// Turns echo back on.
    func restore() {
        guard var mode = saved else { return }
        tcsetattr(descriptor, TCSANOW, &mode)
    }
}
