/// What an external plugin does, which its executable's name says: `formrunner-KIND-NAME`.
public enum PluginKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Delivers outbox messages: `formrunner-notifier-NAME`.
    case notifier
    /// Proves who a person is: `formrunner-auth-NAME`.
    case auth

    /// The executable name's prefix, such as `formrunner-notifier-`.
    public var prefix: String { "formrunner-\(rawValue)-" }

    /// The executable name of the plugin called `name`.
    public func executableName(_ name: String) -> String { prefix + name }
}
