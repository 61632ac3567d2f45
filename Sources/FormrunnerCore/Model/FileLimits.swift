/// Limits on the attachments of a `files` field.
public struct FileLimits: Hashable, Sendable {
    /// Most files accepted.
    public var count: Int
    /// Largest file accepted, in bytes.
    public var size: Int64
    /// Accepted types: media types (`application/pdf`), families (`image/*`) or extensions (`.csv`).
    /// Empty means any type.
    public var types: [String]

    /// Ten files of up to 20 MiB, any type.
    public static let `default` = FileLimits(count: 10, size: 20 << 20, types: [])

    public init(count: Int, size: Int64, types: [String]) {
        self.count = count
        self.size = size
        self.types = types
    }

    /// Whether a file with this media type and name is of an accepted type.
    public func accepts(mediaType: String, fileName: String) -> Bool {
        if types.isEmpty { return true }
        let lowerName = fileName.lowercased()
        let lowerType = mediaType.lowercased()
        return types.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern.hasPrefix(".") { return lowerName.hasSuffix(pattern) }
            if pattern.hasSuffix("/*") { return lowerType.hasPrefix(String(pattern.dropLast())) }
            return lowerType == pattern
        }
    }

    /// Parses `10MB`, `500KB`, `1GB` (powers of 1024) or a plain byte count.
    public static func parseSize(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int64)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Int64(number), value > 0, value <= Int64.max / factor else { return nil }
            return value * factor
        }
        guard let value = Int64(trimmed), value > 0 else { return nil }
        return value
    }

    /// `20 MB`, `512 KB` or `300 bytes`, for messages.
    public static func describe(size: Int64) -> String {
        if size >= 1 << 30, size % (1 << 30) == 0 { return "\(size >> 30) GB" }
        if size >= 1 << 20, size % (1 << 20) == 0 { return "\(size >> 20) MB" }
        if size >= 1 << 10, size % (1 << 10) == 0 { return "\(size >> 10) KB" }
        return "\(size) bytes"
    }
}

import Foundation
