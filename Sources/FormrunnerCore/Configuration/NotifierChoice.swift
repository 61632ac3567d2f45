import Foundation

/// One notifier as the configuration file or `--notifier` chooses it.
///
/// To add a kind of notifier: add a case here, its name to ``Kind``,
/// its keys and decoding to `ConfigurationDecoder`, its spelling to ``init(parsing:)``, and its
/// construction to the command line's `NotifierRegistry`.
public enum NotifierChoice: Sendable, Hashable {
    /// Messages stay in the outbox (`none`).
    case disabled
    /// Messages are printed on standard error.
    case console
    /// Messages are written as `.eml` files into a Maildir.
    case maildir(folder: String)
    /// Messages are piped to a sendmail-compatible command line (`/usr/sbin/sendmail -t -i`).
    case sendmail(command: String)
    /// Messages are handed to the external plugin `formrunner-notifier-NAME`, with its settings
    /// and, when given, its own timeout in seconds.
    case plugin(name: String, settings: [String: JSONValue], timeout: TimeInterval?)

    /// The kinds of notifier, as the configuration's `kind:` names them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case disabled = "none", console, maildir, sendmail, plugin
    }

    /// The kind of this choice.
    public var kind: Kind {
        switch self {
        case .disabled: return .disabled
        case .console: return .console
        case .maildir: return .maildir
        case .sendmail: return .sendmail
        case .plugin: return .plugin
        }
    }

    /// The spellings ``init(parsing:)`` accepts, for messages.
    public static let spellings = "maildir:DIR, sendmail:COMMAND, console, none or plugin:NAME"

    /// Reads a `--notifier` value: `maildir:DIR`, `sendmail:COMMAND`, `console`, `none` or `plugin:NAME`.
    /// - Throws: a message saying what is accepted.
    public init(parsing setting: String) throws(NotifierChoice.ParseError) {
        if setting == "none" {
            self = .disabled
        } else if setting == "console" {
            self = .console
        } else if setting.hasPrefix("maildir:"), setting.count > "maildir:".count {
            self = .maildir(folder: String(setting.dropFirst("maildir:".count)))
        } else if setting.hasPrefix("sendmail:") {
            // The command line is checked where it is run (quotes, an empty command).
            self = .sendmail(command: String(setting.dropFirst("sendmail:".count)))
        } else if setting.hasPrefix("plugin:"), case let name = String(setting.dropFirst("plugin:".count)),
                  ValueReader.isIdentifier(name) {
            self = .plugin(name: name, settings: [:], timeout: nil)
        } else {
            throw ParseError(setting: setting)
        }
    }

    /// A `--notifier` value that is not one of the accepted spellings.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The value as given.
        public var setting: String

        /// `setting` is not a notifier.
        public init(setting: String) {
            self.setting = setting
        }

        /// `unknown notifier 'x'; use maildir:DIR, console, none or plugin:NAME`.
        public var description: String { "unknown notifier '\(setting)'; use \(NotifierChoice.spellings)" }
    }
}
