import Foundation

/// The width ArgumentParser wraps a help screen to when it is given none, worked out the way it
/// works it out (`Platform.terminalWidth` in swift-argument-parser 1.x): `COLUMNS` when it reads as
/// an `Int`, else the columns of the terminal on standard output, else 80.
///
/// ``RootHelp`` prints the stored root help screen only when this width is the stored one;
/// `RootHelpTests` runs the binary under each kind of `COLUMNS` and checks it prints what the
/// parser prints.
enum HelpScreenWidth {
    /// The width used when neither `COLUMNS` nor the terminal gives one (a pipe, a file).
    static let fallback = 80

    /// The width for the current environment and standard output.
    static func current() -> Int {
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)) {
            return columns
        }
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
            return Int(window.ws_col)
        }
        return fallback
    }
}
