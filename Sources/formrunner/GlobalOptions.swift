import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog root, holding Forms/ and Workflows/.", valueName: "dir"))
    var catalog: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "Where tickets are kept: sqlite:PATH, a path, or memory: (env FORMRUNNER_STORE; then formrunner.yaml; default DIR/.formrunner/tickets.sqlite).",
        valueName: "url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "The time to act at, ISO-8601 (env FORMRUNNER_NOW; default: the clock). For tests and replays.",
        valueName: "instant"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp(
        "How messages are delivered: maildir:DIR, sendmail:COMMAND (e.g. 'sendmail:/usr/sbin/sendmail -t -i'; time limit env FORMRUNNER_SENDMAIL_TIMEOUT, default 30 s), console, none or plugin:NAME (env FORMRUNNER_NOTIFIER; then formrunner.yaml; default maildir:DIR/.formrunner/mail).",
        valueName: "notifier"))
    var notifier: String?

    @Option(name: .customLong("desk-address"), help: ArgumentHelp(
        "The desk's e-mail address: From of every message, and Reply-To with +ticket-N (env FORMRUNNER_DESK_ADDRESS; default 'Support <support@formrunner.local>').",
        valueName: "address"))
    var deskAddress: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The store location to use: the flag, else the environment, else formrunner.yaml, else the default.
    func storeLocation(_ configuration: DeskConfiguration? = nil) throws -> TicketStoreURL {
        guard let text = store ?? environment["FORMRUNNER_STORE"] else {
            return configuration?.store ?? .sqlite(path: (catalog as NSString).appendingPathComponent(".formrunner/tickets.sqlite"))
        }
        do {
            return try TicketStoreURL(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The instant commands act at.
    func instant() throws -> Date {
        guard let text = now ?? environment["FORMRUNNER_NOW"] else { return Date() }
        guard let date = Self.parseInstant(text) else {
            throw ValidationError("'\(text)' is not an ISO-8601 instant such as 2026-11-25T10:00:00-03:00")
        }
        return date
    }

    /// The desk's e-mail identity: the flag, else the environment, else formrunner.yaml's `desk`, else
    /// `Support <support@formrunner.local>`.
    func desk(_ configuration: DeskConfiguration? = nil) throws -> DeskAddress {
        guard let text = deskAddress ?? environment["FORMRUNNER_DESK_ADDRESS"] else {
            guard let configuration, configuration.deskName != nil || configuration.deskAddress != nil else { return .standard }
            let standard = DeskAddress.standard
            let text = "\(configuration.deskName ?? standard.name) <\(configuration.deskAddress ?? standard.address)>"
            do {
                return try DeskAddress(parsing: text)
            } catch {
                throw CommandFailure("\(configuration.file): desk: \(error.description)")
            }
        }
        do {
            return try DeskAddress(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// How long the `sendmail:` command may run, from `FORMRUNNER_SENDMAIL_TIMEOUT` (seconds).
    func sendmailTimeout() throws -> TimeInterval {
        guard let text = environment["FORMRUNNER_SENDMAIL_TIMEOUT"] else { return SendmailNotifier.defaultTimeout }
        guard let seconds = TimeInterval(text), seconds > 0, seconds.isFinite else {
            throw ValidationError("FORMRUNNER_SENDMAIL_TIMEOUT is '\(text)'; give a positive number of seconds such as 30")
        }
        return seconds
    }

    /// The notifiers to deliver through: the flag, else the environment, else formrunner.yaml, else
    /// a Maildir under the catalog.
    func notifierChoices(_ configuration: DeskConfiguration? = nil) throws -> [NotifierChoice] {
        if let setting = notifier ?? environment["FORMRUNNER_NOTIFIER"] {
            do {
                return [try NotifierChoice(parsing: setting)]
            } catch {
                throw ValidationError(error.description)
            }
        }
        return configuration?.notifiers ?? [.maildir(folder: (catalog as NSString).appendingPathComponent(".formrunner/mail"))]
    }

    /// `FORMRUNNER_PLUGIN_TIMEOUT`: seconds (`2.5`) or a duration (`30s`, `2m`), overriding formrunner.yaml.
    func pluginTimeoutOverride() throws -> TimeInterval? {
        guard let text = environment["FORMRUNNER_PLUGIN_TIMEOUT"] else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        let factor = text.last.flatMap { units[$0] }
        guard let value = Double(factor == nil ? Substring(text) : text.dropLast()), value > 0, value.isFinite else {
            throw ValidationError("FORMRUNNER_PLUGIN_TIMEOUT is '\(text)'; give seconds such as 10, or a duration such as 30s or 2m")
        }
        return value * (factor ?? 1)
    }

    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
