/// An external plugin found on `PATH`.
public struct InstalledPlugin: Sendable, Hashable, Codable {
    /// The name it is chosen by: `webhook` for `formrunner-notifier-webhook`.
    public var name: String
    /// Notifier or authenticator.
    public var kind: PluginKind
    /// The executable's full path.
    public var path: String
    /// Whether the file may be run; a file that may not is listed so that the mistake shows, but never chosen.
    public var isExecutable: Bool

    /// A plugin called `name` of `kind` at `path`.
    public init(name: String, kind: PluginKind, path: String, isExecutable: Bool = true) {
        self.name = name
        self.kind = kind
        self.path = path
        self.isExecutable = isExecutable
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, path
        case isExecutable = "executable"
    }
}
