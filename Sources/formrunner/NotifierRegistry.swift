import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins

/// Turns notifier choices (from `--notifier`, `FORMRUNNER_NOTIFIER` or formrunner.yaml) into the
/// notifier that delivers the outbox.
///
/// To add a kind of notifier: add its case to ``NotifierChoice`` (see there) and build it in
/// ``notifier(for:)``.
struct NotifierRegistry {
    /// The desk's configuration, whose plugin entries lend their settings to `--notifier plugin:NAME`.
    var configuration: DeskConfiguration?
    /// Where plugins are looked for.
    var locator = PluginLocator()
    /// The timeout of plugins that do not set their own, in seconds.
    var pluginTimeout: TimeInterval
    /// `FORMRUNNER_PLUGIN_TIMEOUT`, which overrides every plugin timeout.
    var timeoutOverride: TimeInterval?
    /// How long the `sendmail` command may run, in seconds.
    var sendmailTimeout: TimeInterval
    /// How e-mail files are written (the sender comes from the desk's name and address).
    var writer: EMLWriter

    /// One notifier for all `choices`: `nil` when none delivers, a ``FanOutNotifier`` for several.
    func notifier(for choices: [NotifierChoice]) throws -> (any Notifier)? {
        let notifiers = try choices.compactMap(notifier(for:))
        switch notifiers.count {
        case 0: return nil
        case 1: return notifiers[0]
        default: return FanOutNotifier(notifiers)
        }
    }

    /// The notifier for one choice, or `nil` for `none`.
    /// - Throws: ``CommandFailure`` when a plugin is missing or not executable.
    func notifier(for choice: NotifierChoice) throws -> (any Notifier)? {
        switch choice {
        case .disabled:
            return nil
        case .console:
            return ConsoleNotifier()
        case .maildir(let folder):
            return MaildirNotifier(root: URL(fileURLWithPath: folder), writer: writer)
        case .sendmail(let command):
            do {
                return try SendmailNotifier(commandLine: command, timeout: sendmailTimeout, writer: writer)
            } catch {
                throw ValidationError("notifier 'sendmail:\(command)': \(error); write it as sendmail:COMMAND, e.g. 'sendmail:/usr/sbin/sendmail -t -i'")
            }
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
                throw CommandFailure(error.description)
            }
            return ExternalNotifier(plugin: plugin, settings: settings, timeout: timeoutOverride ?? timeout ?? pluginTimeout)
        }
    }
}
