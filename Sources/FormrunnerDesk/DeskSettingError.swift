/// A setting that cannot be used: a flag, environment variable or formrunner.yaml value the desk
/// cannot read, or a part of the desk it names that cannot be opened.
///
/// The ``kind`` tells a front end how to answer: the command line exits 64 with its usage for
/// ``Kind/usage`` and 1 for ``Kind/failure``.
public struct DeskSettingError: Error, Sendable, CustomStringConvertible {
    /// What kind of mistake it is.
    public enum Kind: Sendable, Hashable {
        /// The value given is not understood (a malformed URL, instant or duration).
        case usage
        /// The value is understood but does not work (a missing plugin, a store that does not open).
        case failure
    }

    /// Whether the value was malformed or did not work.
    public var kind: Kind
    /// The message for the user, without a leading `formrunner:`.
    public var description: String
    /// Whether the ticket store could not be opened (busy, unreachable): trying again later may
    /// work, so `mail ingest` exits 75 (`EX_TEMPFAIL`) for it and the mail server retries.
    public var isStoreUnavailable = false

    /// An error of `kind` with `description` as its message.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// A malformed value.
    static func usage(_ description: String) -> DeskSettingError { DeskSettingError(.usage, description) }
    /// A value that does not work.
    static func failure(_ description: String) -> DeskSettingError { DeskSettingError(.failure, description) }
}
