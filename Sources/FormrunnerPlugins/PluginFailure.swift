import Foundation

/// A plugin run that did not succeed: what happened, in one line, with the plugin's own words
/// from standard error when it left any.
public struct PluginFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// It could not be started (`Permission denied`, `Exec format error`, …).
        case cannotStart(String)
        /// It ran longer than the timeout and was killed with its process group.
        case timedOut(TimeInterval)
        /// It exited with a status other than 0.
        case exited(Int32)
        /// A signal ended it.
        case killed(Int32)
        /// Its standard output is not a JSON reply.
        case invalidReply(String)
        /// It answered `{"ok": false, "error": …}`.
        case refused(String)
    }

    /// The plugin's executable name, such as `formrunner-notifier-webhook`.
    public var executable: String
    /// What went wrong.
    public var reason: Reason
    /// Its standard error, trimmed, on one line, at most ``PluginFailure/stderrLimit`` characters.
    public var standardError: String

    /// The most characters of standard error a failure keeps.
    public static let stderrLimit = 500

    /// A failure of `executable` for `reason`, keeping a summary of the raw `standardError`.
    public init(executable: String, reason: Reason, standardError: Data = Data()) {
        self.executable = executable
        self.reason = reason
        self.standardError = Self.summary(of: standardError)
    }

    /// The problem in one line, e.g. `formrunner-notifier-webhook exited with status 1: HTTP 500`.
    public var description: String {
        let what: String
        switch reason {
        case .cannotStart(let why): what = "could not be started: \(why)"
        case .timedOut(let seconds): what = "did not finish within \(Self.seconds(seconds)) and was stopped"
        case .exited(let status): what = "exited with status \(status)"
        case .killed(let signal): what = "was ended by signal \(signal)"
        case .invalidReply(let text): what = "printed a reply that is not a JSON object with \"ok\": '\(text)'"
        case .refused(let error): what = "reported a failure: \(error)"
        }
        return "\(executable) \(what)" + (standardError.isEmpty ? "" : " (stderr: \(standardError))")
    }

    /// Text the plugin wrote, made safe to print and record: trimmed, control characters and line
    /// breaks turned into spaces or ` | `, and cut at ``stderrLimit`` characters.
    static func summary(of data: Data, limit: Int = stderrLimit) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { line in
                String(String.UnicodeScalarView(line.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
                })).trimmingCharacters(in: .whitespaces)
            }
            .filter { !$0.isEmpty }
        let joined = lines.joined(separator: " | ")
        return joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
