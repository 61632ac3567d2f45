import Foundation

/// A ticket store that keeps attachment files on disk and can say where one is, so that a front end
/// can hand it to its owner.
public protocol AttachmentFiles: Sendable {
    /// The file of the attachment with this SHA-256, when it is stored.
    func attachmentFile(sha256: String) async -> URL?
}
