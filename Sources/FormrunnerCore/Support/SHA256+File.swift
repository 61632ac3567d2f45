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

    /// The digest and size of the file at `url`, reading at most `limit` bytes plus one: `nil` when
    /// the file holds more than `limit` bytes (even if it grew after its size was looked at).
    public static func hexDigest(ofFileAt url: URL, limit: Int64) throws -> (digest: String, size: Int64)? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: Int(min(Int64(fileChunkSize), limit - size + 1))), !chunk.isEmpty {
            size += Int64(chunk.count)
            if size > limit { return nil }
            hash.update(chunk)
        }
        return (hash.hexDigest(), size)
    }
}
