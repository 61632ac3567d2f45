import ArgumentParser
import Foundation
import FormrunnerCore

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog root, holding Forms/ and Workflows/.", valueName: "dir"))
    var catalog: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "Where tickets are kept: sqlite:PATH, a path, memory: or postgres://USER@HOST:PORT/DB (env FORMRUNNER_STORE; default DIR/.formrunner/tickets.sqlite).",
        valueName: "url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "The time to act at, ISO-8601 (env FORMRUNNER_NOW; default: the clock). For tests and replays.",
        valueName: "instant"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp(
        "How messages are delivered: maildir:DIR, console or none (env FORMRUNNER_NOTIFIER; default maildir:DIR/.formrunner/mail).",
        valueName: "notifier"))
    var notifier: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The store location to use.
    func storeLocation() throws -> TicketStoreURL {
        guard let text = store ?? environment["FORMRUNNER_STORE"] else {
            return .sqlite(path: (catalog as NSString).appendingPathComponent(".formrunner/tickets.sqlite"))
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

    /// The notifier setting: `maildir:DIR`, `console` or `none`.
    func notifierSetting() -> String {
        notifier ?? environment["FORMRUNNER_NOTIFIER"]
            ?? "maildir:" + (catalog as NSString).appendingPathComponent(".formrunner/mail")
    }

    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
