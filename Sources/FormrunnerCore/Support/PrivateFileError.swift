/// Why a private folder or file could not be made, in words for the operator.
public struct PrivateFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message.
    public let description: String

    /// A failure with `description`.
    public init(_ description: String) {
        self.description = description
    }
}
