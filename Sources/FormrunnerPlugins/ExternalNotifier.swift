import Foundation
import FormrunnerCore

/// A notifier that hands each message to an external plugin, `formrunner-notifier-NAME`.
///
/// The plugin gets one JSON request on standard input (docs/plugins.md) and succeeds by exiting 0,
/// optionally printing `{"ok": true}`. Any other outcome throws a ``PluginFailure``, so the outbox
/// dispatcher records it and retries the message with backoff. Messages carry their `id`: a plugin
/// may be given a message again after a crash, and should use the id to recognise it.
public struct ExternalNotifier: Notifier {
    /// The plugin's executable.
    public var plugin: InstalledPlugin
    /// Settings passed to the plugin in every request (from formrunner.yaml).
    public var settings: [String: JSONValue]
    /// How long one delivery may take, in seconds.
    public var timeout: TimeInterval

    /// The default timeout for a plugin run: 10 seconds.
    public static let defaultTimeout: TimeInterval = 10

    /// A notifier running `plugin` with `settings`, stopped after `timeout` seconds.
    public init(plugin: InstalledPlugin, settings: [String: JSONValue] = [:], timeout: TimeInterval = ExternalNotifier.defaultTimeout) {
        self.plugin = plugin
        self.settings = settings
        self.timeout = timeout
    }

    /// `plugin:NAME`.
    public var name: String { "plugin:\(plugin.name)" }

    /// Sends `message` to the plugin.
    /// - Throws: ``PluginFailure`` when the plugin did not confirm delivery.
    public func deliver(_ message: OutboxMessage) async throws {
        let request = PluginProtocol.DeliverRequest(message: .init(message), settings: settings)
        _ = try await PluginCall(plugin: plugin, timeout: timeout).send(request, replyRequired: false)
    }
}
