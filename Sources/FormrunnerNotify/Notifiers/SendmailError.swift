import Foundation

/// A delivery through a sendmail-compatible command that failed; the outbox retries it.
public struct SendmailError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The program does not exist or is not executable.
        case notFound
        /// The program could not be started.
        case cannotStart(String)
        /// It exited with a status other than 0.
        case failed(status: Int32, standardError: String)
        /// A signal ended it.
        case signalled(Int32, standardError: String)
        /// It ran past the time limit and was stopped.
        case timedOut(seconds: TimeInterval, standardError: String)
    }

    /// The command line.
    public var command: String
    /// What went wrong.
    public var reason: Reason

    /// The longest excerpt of standard error kept in a message.
    static let excerptLimit = 300

    /// The problem in one sentence, with the command's own words when it said any.
    public var description: String {
        switch reason {
        case .notFound:
            return "cannot run '\(command)': the program does not exist or is not executable"
        case .cannotStart(let why):
            return "cannot run '\(command)': \(why)"
        case .failed(let status, let said):
            return "'\(command)' exited with status \(status)" + Self.quoting(said)
        case .signalled(let signal, let said):
            return "'\(command)' was killed by signal \(signal)" + Self.quoting(said)
        case .timedOut(let seconds, let said):
            return "'\(command)' did not finish within \(Self.seconds(seconds)) and was stopped" + Self.quoting(said)
        }
    }

    /// Standard error on one line: trimmed, line breaks and control characters as spaces, at most
    /// ``excerptLimit`` characters.
    static func excerpt(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        let line = words.joined(separator: " ")
        return line.count > excerptLimit ? String(line.prefix(excerptLimit)) + "…" : line
    }

    private static func quoting(_ said: String) -> String {
        said.isEmpty ? "" : ": " + said
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) second\(value == 1 ? "" : "s")" : "\(value) seconds"
    }
}
