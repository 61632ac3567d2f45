import Foundation

extension SHA256 {
    /// The size of the chunks files are read in.
    public static let fileChunkSize = 1 << 16

    /// The lower-case hexadecimal SHA-256 of the file at `url`, read in chunks.
    public static func hexDigest(ofFileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: fileChunkSize), !chunk.isEmpty {
            hash.update(chunk)
        }
        return hash.hexDigest()
    }
}
