import Foundation

/// The settings of one support desk, from `formrunner.yaml` at the catalog root: which store,
/// which notifiers with their settings, the desk's name and address, and plugin timeouts.
///
/// Every setting is optional: what the file leaves out keeps its default. Command-line flags and
/// environment variables win over the file (flag > environment > file > default). Relative paths
/// in the file are relative to the catalog root and are already resolved here.
public struct DeskConfiguration: Sendable, Hashable {
    /// `formrunner.yaml`: the file's name at the catalog root.
    public static let fileName = "formrunner.yaml"

    /// The file it was read from, as diagnostics name it.
    public var file: String
    /// Where tickets are kept.
    public var store: TicketStoreURL?
    /// The desk's display name, used as the sender's name of e-mails (`Support`).
    public var deskName: String?
    /// The desk's e-mail address, used as the sender of e-mails (`support@example.com`).
    public var deskAddress: String?
    /// The notifiers every message goes through, in order; `nil` when the file does not say.
    public var notifiers: [NotifierChoice]?
    /// How long a plugin may run before it is stopped, in seconds, unless its notifier says otherwise.
    public var pluginTimeout: TimeInterval?
    /// The public address of the web portal (`web: base_url:`), used in links the desk sends.
    public var baseURL: String?
    /// The languages the catalog is written in (`languages: [en, pt, es]`): `validate` warns about
    /// every text or e-mail template that lacks one of them. `nil` when the file does not say.
    public var languages: [String]?

    /// A configuration read from `file` that sets nothing yet.
    public init(file: String) {
        self.file = file
    }

    /// The settings of the plugin notifier `name` in ``notifiers``, if the file lists it.
    public func pluginNotifier(named name: String) -> NotifierChoice? {
        notifiers?.first { choice in
            if case .plugin(let plugin, _, _) = choice { return plugin == name }
            return false
        }
    }
}
