/// Thrown by a store's `create` when an ``AssignmentRequest`` names the user directory's change count
/// it was made at (``AssignmentRequest/directoryCount``) and the directory, kept in the store's own
/// database, has changed since: nothing was written, and the desk reads the staff again and retries.
public struct DirectoryMovedError: Error, Hashable, Sendable {
    /// The count the request was made at.
    public var expected: Int64
    /// The count the creating transaction found (`nil`: none).
    public var found: Int64?

    public init(expected: Int64, found: Int64?) {
        self.expected = expected
        self.found = found
    }
}
