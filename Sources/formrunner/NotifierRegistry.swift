import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins

/// Turns notifier choices (from `--notifier`, `FORMRUNNER_NOTIFIER` or formrunner.yaml) into the
/// notifier that delivers the outbox.
///
/// To add a kind of notifier (for example `sendmail`): add its case to ``NotifierChoice`` (see
/// there) and build it in ``notifier(for:)``.
struct NotifierRegistry {
    /// The desk's configuration, whose plugin entries lend their settings to `--notifier plugin:NAME`.
    var configuration: DeskConfiguration?
    /// Where plugins are looked for.
    var locator = PluginLocator()
    /// The timeout of plugins that do not set their own, in seconds.
    var pluginTimeout: TimeInterval
    /// Environment variables that override timeouts (`FORMRUNNER_PLUGIN_TIMEOUT`).
    var timeoutOverride: TimeInterval?
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

    /// The writer of e-mail files for the desk `configuration` names (the defaults otherwise).
    static func writer(for configuration: DeskConfiguration?) -> EMLWriter {
        guard let configuration, configuration.deskName != nil || configuration.deskAddress != nil else { return EMLWriter() }
        let address = configuration.deskAddress ?? "support@formrunner.local"
        let domain = address.split(separator: "@").last.map(String.init) ?? "formrunner.local"
        return EMLWriter(from: "\(configuration.deskName ?? "Support") <\(address)>", domain: domain)
    }
}
