import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins

/// The settings a front end was given, raw, and how each is resolved: the flag (a field here), else
/// the environment, else `formrunner.yaml` (``DeskConfiguration``), else the default.
///
/// A front end fills the fields from its own flags and leaves the rest `nil`; ``Desk/open(_:)``
/// resolves them once.
///
/// ```swift
/// var settings = DeskSettings(catalog: "examples")
/// settings.store = "memory:"
/// let desk = try await Desk.open(settings)
/// ```
public struct DeskSettings: Sendable {
    /// The catalog root, holding Forms/ and Workflows/ (and formrunner.yaml).
    public var catalog: String
    /// Where tickets are kept (`sqlite:PATH`, a path, `memory:`, `postgres://…`); env `FORMRUNNER_STORE`.
    public var store: String?
    /// The instant to act at, ISO-8601, instead of the clock; env `FORMRUNNER_NOW`.
    public var now: String?
    /// How messages are delivered (`maildir:DIR`, `sendmail:COMMAND`, `console`, `none`, `plugin:NAME`);
    /// env `FORMRUNNER_NOTIFIER`.
    public var notifier: String?
    /// The desk's e-mail identity (`Support <support@example.com>`); env `FORMRUNNER_DESK_ADDRESS`.
    public var deskAddress: String?
    /// The public address of the web portal; env `FORMRUNNER_BASE_URL`.
    public var baseURL: String?
    /// The environment the settings fall back to.
    public var environment: [String: String]

    /// The web portal's address when nothing else gives one.
    public static let defaultBaseURL = "http://127.0.0.1:8080"

    /// Settings with the given values; what is `nil` falls back to `environment`, formrunner.yaml and the default.
    public init(catalog: String = ".", store: String? = nil, now: String? = nil, notifier: String? = nil,
                deskAddress: String? = nil, baseURL: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.catalog = catalog
        self.store = store
        self.now = now
        self.notifier = notifier
        self.deskAddress = deskAddress
        self.baseURL = baseURL
        self.environment = environment
    }

    /// Loads the catalog at ``catalog``.
    /// - Throws: ``InvalidCatalogError`` with every diagnostic when the catalog has errors.
    public func loadCatalog() throws -> Catalog {
        let result = CatalogLoader(root: catalog).load()
        guard result.isValid else {
            throw InvalidCatalogError(root: catalog, diagnostics: result.diagnostics, sources: result.catalog.sources)
        }
        return result.catalog
    }

    /// Where tickets are: the flag, else `FORMRUNNER_STORE`, else formrunner.yaml, else
    /// `<catalog>/.formrunner/tickets.sqlite`.
    /// - Throws: ``DeskSettingError`` (usage) when the flag or environment is not a store URL.
    public func storeLocation(_ configuration: DeskConfiguration? = nil) throws(DeskSettingError) -> TicketStoreURL {
        guard let text = store ?? environment["FORMRUNNER_STORE"] else {
            return configuration?.store ?? .sqlite(path: (catalog as NSString).appendingPathComponent(".formrunner/tickets.sqlite"))
        }
        do {
            return try TicketStoreURL(parsing: text)
        } catch {
            throw .usage(error.description)
        }
    }

    /// The fixed instant to act at (the flag, else `FORMRUNNER_NOW`), or `nil` to follow the clock.
    /// - Throws: ``DeskSettingError`` (usage) when it is not an ISO-8601 instant.
    public func fixedInstant() throws(DeskSettingError) -> Date? {
        guard let text = now ?? environment["FORMRUNNER_NOW"] else { return nil }
        guard let date = Self.parseInstant(text) else {
            throw .usage("'\(text)' is not an ISO-8601 instant such as 2026-11-25T10:00:00-03:00")
        }
        return date
    }

    /// The instant to act at: the fixed one, else the clock's now.
    public func instant() throws(DeskSettingError) -> Date {
        try fixedInstant() ?? Date()
    }

    /// The desk's e-mail identity: the flag, else `FORMRUNNER_DESK_ADDRESS`, else formrunner.yaml's
    /// `desk`, else `Support <support@formrunner.local>`.
    /// - Throws: ``DeskSettingError``: usage for a malformed flag or environment value, failure for the file's.
    public func address(_ configuration: DeskConfiguration? = nil) throws(DeskSettingError) -> DeskAddress {
        guard let text = deskAddress ?? environment["FORMRUNNER_DESK_ADDRESS"] else {
            guard let configuration, configuration.deskName != nil || configuration.deskAddress != nil else { return .standard }
            let standard = DeskAddress.standard
            let text = "\(configuration.deskName ?? standard.name) <\(configuration.deskAddress ?? standard.address)>"
            do {
                return try DeskAddress(parsing: text)
            } catch {
                throw .failure("\(configuration.file): desk: \(error.description)")
            }
        }
        do {
            return try DeskAddress(parsing: text)
        } catch {
            throw .usage(error.description)
        }
    }

    /// The web portal's public address: the flag, else `FORMRUNNER_BASE_URL`, else formrunner.yaml's
    /// `web: base_url`, else ``defaultBaseURL``.
    /// - Throws: ``DeskSettingError`` (usage) when the flag or environment is not an http(s) address.
    public func resolvedBaseURL(_ configuration: DeskConfiguration? = nil) throws(DeskSettingError) -> URL {
        let text = baseURL ?? environment["FORMRUNNER_BASE_URL"] ?? configuration?.baseURL ?? Self.defaultBaseURL
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw .usage("'\(text)' is not an http:// or https:// address such as https://help.example.com (FORMRUNNER_BASE_URL)")
        }
        return url
    }

    /// The notifiers to deliver through: the flag, else `FORMRUNNER_NOTIFIER`, else formrunner.yaml,
    /// else a Maildir at `<catalog>/.formrunner/mail`.
    /// - Throws: ``DeskSettingError`` (usage) when the flag or environment names no notifier.
    public func notifierChoices(_ configuration: DeskConfiguration? = nil) throws(DeskSettingError) -> [NotifierChoice] {
        if let setting = notifier ?? environment["FORMRUNNER_NOTIFIER"] {
            do {
                return [try NotifierChoice(parsing: setting)]
            } catch {
                throw .usage(error.description)
            }
        }
        return configuration?.notifiers ?? [.maildir(folder: (catalog as NSString).appendingPathComponent(".formrunner/mail"))]
    }

    /// How long the `sendmail:` command may run, from `FORMRUNNER_SENDMAIL_TIMEOUT` (seconds).
    /// - Throws: ``DeskSettingError`` (usage) when it is not a positive number.
    public func sendmailTimeout() throws(DeskSettingError) -> TimeInterval {
        guard let text = environment["FORMRUNNER_SENDMAIL_TIMEOUT"] else { return SendmailNotifier.defaultTimeout }
        guard let seconds = TimeInterval(text), seconds > 0, seconds.isFinite else {
            throw .usage("FORMRUNNER_SENDMAIL_TIMEOUT is '\(text)'; give a positive number of seconds such as 30")
        }
        return seconds
    }

    /// `FORMRUNNER_PLUGIN_TIMEOUT` (a ``DurationText``: `10`, `30s`, `2m`), which overrides every plugin timeout.
    /// - Throws: ``DeskSettingError`` (usage) when it is not a duration.
    public func pluginTimeoutOverride() throws(DeskSettingError) -> TimeInterval? {
        guard let text = environment["FORMRUNNER_PLUGIN_TIMEOUT"] else { return nil }
        guard let seconds = DurationText.seconds(text) else {
            throw .usage("FORMRUNNER_PLUGIN_TIMEOUT is '\(text)'; give seconds such as 10, or a duration such as 30s or 2m")
        }
        return seconds
    }

    /// How long the same answers count as one submission: `FORMRUNNER_DUPLICATE_WINDOW` (a duration
    /// such as 10m), else 10 minutes.
    public func duplicateWindow() throws(DeskSettingError) -> TimeInterval {
        guard let text = environment["FORMRUNNER_DUPLICATE_WINDOW"] else { return 600 }
        guard let seconds = DurationText.seconds(text), seconds > 0 else {
            throw .usage("FORMRUNNER_DUPLICATE_WINDOW is '\(text)'; give a duration such as 10m or 30s")
        }
        return seconds
    }

    /// The timeout of a plugin that sets none of its own: `FORMRUNNER_PLUGIN_TIMEOUT`, else
    /// formrunner.yaml's `plugins: timeout`, else ``ExternalNotifier/defaultTimeout``.
    public func pluginTimeout(_ configuration: DeskConfiguration? = nil) throws(DeskSettingError) -> TimeInterval {
        try pluginTimeoutOverride() ?? configuration?.pluginTimeout ?? ExternalNotifier.defaultTimeout
    }

    /// An ISO-8601 instant, with or without fractional seconds.
    public static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
