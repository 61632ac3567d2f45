import Foundation
import FormrunnerCore

extension PostgresTicketStore: AttachmentFiles {
    /// The stored file of an attachment, from the content-addressed attachments folder.
    public func attachmentFile(sha256: String) -> URL? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        let url = vault.location(of: sha256.lowercased())
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
