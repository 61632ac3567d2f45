import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins

/// Turns notifier choices (from `--notifier`, `FORMRUNNER_NOTIFIER` or formrunner.yaml) into the
/// notifier that delivers the outbox.
///
/// To add a kind of notifier: add its case to ``NotifierChoice`` (see there) and build it in
/// ``notifier(for:)``.
public struct NotifierRegistry: Sendable {
    /// The desk's configuration, whose plugin entries lend their settings to `--notifier plugin:NAME`.
    public var configuration: DeskConfiguration?
    /// Where plugins are looked for.
    public var locator = PluginLocator()
    /// The timeout of plugins that do not set their own, in seconds.
    public var pluginTimeout: TimeInterval
    /// `FORMRUNNER_PLUGIN_TIMEOUT`, which overrides every plugin timeout.
    public var timeoutOverride: TimeInterval?
    /// How long the `sendmail` command may run, in seconds.
    public var sendmailTimeout: TimeInterval
    /// How e-mail files are written (the sender comes from the desk's name and address).
    public var writer: EMLWriter

    /// A registry with the given settings.
    public init(configuration: DeskConfiguration?, locator: PluginLocator = PluginLocator(), pluginTimeout: TimeInterval,
                timeoutOverride: TimeInterval?, sendmailTimeout: TimeInterval, writer: EMLWriter) {
        self.configuration = configuration
        self.locator = locator
        self.pluginTimeout = pluginTimeout
        self.timeoutOverride = timeoutOverride
        self.sendmailTimeout = sendmailTimeout
        self.writer = writer
    }

    /// Checks what can be checked of `choices` without looking for plugins (the `sendmail:` command
    /// line), so that a malformed setting is refused whatever the command, while a missing plugin only
    /// stops what delivers.
    /// - Throws: ``DeskSettingError`` (usage) for a `sendmail:` command that cannot be read.
    public func check(_ choices: [NotifierChoice]) throws(DeskSettingError) {
        for case .sendmail(let command) in choices {
            _ = try sendmail(command)
        }
    }

    /// One notifier for all `choices`: `nil` when none delivers, a ``FanOutNotifier`` for several.
    public func notifier(for choices: [NotifierChoice]) throws -> (any Notifier)? {
        let notifiers = try choices.compactMap(notifier(for:))
        switch notifiers.count {
        case 0: return nil
        case 1: return notifiers[0]
        default: return FanOutNotifier(notifiers)
        }
    }

    /// The notifier for one choice, or `nil` for `none`.
    /// - Throws: ``DeskSettingError``: failure when a plugin is missing or not executable, usage for a
    ///   `sendmail:` command that cannot be read.
    public func notifier(for choice: NotifierChoice) throws -> (any Notifier)? {
        switch choice {
        case .disabled:
            return nil
        case .console:
            return ConsoleNotifier()
        case .maildir(let folder):
            return MaildirNotifier(root: URL(fileURLWithPath: folder), writer: writer)
        case .sendmail(let command):
            return try sendmail(command)
        case .plugin(let name, var settings, var timeout):
            // `--notifier plugin:NAME` uses the settings the file gives the same plugin.
            if settings.isEmpty, timeout == nil, case .plugin(_, let fileSettings, let fileTimeout)? = configuration?.pluginNotifier(named: name) {
                settings = fileSettings
                timeout = fileTimeout
            }
            let plugin: InstalledPlugin
            do {
                plugin = try locator.plugin(.notifier, named: name)
            } catch {
                throw DeskSettingError.failure(error.description)
            }
            return ExternalNotifier(plugin: plugin, settings: settings, timeout: timeoutOverride ?? timeout ?? pluginTimeout)
        }
    }

    private func sendmail(_ command: String) throws(DeskSettingError) -> SendmailNotifier {
        do {
            return try SendmailNotifier(commandLine: command, timeout: sendmailTimeout, writer: writer)
        } catch {
            throw .usage("notifier 'sendmail:\(command)': \(error); write it as sendmail:COMMAND, e.g. 'sendmail:/usr/sbin/sendmail -t -i'")
        }
    }
}
