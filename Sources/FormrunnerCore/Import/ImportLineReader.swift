import Foundation

/// Reads a JSON Lines file one line at a time, in chunks, never holding more than one line (up to
/// ``maximumLineBytes``) and one chunk in memory: a file of any size is streamed.
public struct ImportLineReader: Sendable {
    /// One line of the file.
    public enum Line: Sendable, Equatable {
        /// The line's bytes, without its line break (`\n` or `\r\n`).
        case text(Data)
        /// A line longer than the cap: it was skipped without being kept.
        case tooLong
    }

    /// The longest line read (1 MiB by default); a longer line is reported and skipped.
    public var maximumLineBytes: Int
    /// How much is read from the file at once.
    public var chunkBytes = 64 * 1024

    public init(maximumLineBytes: Int = 1 << 20) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Calls `body` with each line's number (from 1) and content, in order; stops when `body` returns
    /// `false` or at the end of the file.
    /// - Throws: the file's error when it cannot be opened or read.
    public func forEachLine(in url: URL, _ body: (Int, Line) async throws -> Bool) async throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending = Data()
        var skipping = false
        var number = 0
        while true {
            let chunk = try handle.read(upToCount: chunkBytes) ?? Data()
            if chunk.isEmpty { break }
            var start = chunk.startIndex
            while let newline = Self.newline(in: chunk, from: start) {
                number += 1
                let line: Line = skipping || pending.count + (newline - start) > maximumLineBytes
                    ? .tooLong : .text(Self.trimmed(pending.isEmpty ? Data(chunk[start..<newline]) : pending + chunk[start..<newline]))
                pending.removeAll(keepingCapacity: true)
                skipping = false
                start = newline + 1
                guard try await body(number, line) else { return }
            }
            if !skipping {
                pending.append(chunk[start...])
                if pending.count > maximumLineBytes {
                    skipping = true
                    pending = Data()
                }
            }
        }
        if skipping || !pending.isEmpty {
            _ = try await body(number + 1, skipping ? .tooLong : .text(Self.trimmed(pending)))
        }
    }

    /// The index of the first `\n` of `chunk` at or after `start` (`memchr`: a `Data` slice's
    /// `firstIndex(of:)` goes a byte at a time through the collection's subscript).
    private static func newline(in chunk: Data, from start: Data.Index) -> Data.Index? {
        guard start < chunk.endIndex else { return nil }
        return chunk.withUnsafeBytes { buffer -> Data.Index? in
            let offset = start - chunk.startIndex
            guard let base = buffer.baseAddress,
                  let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) else { return nil }
            return chunk.startIndex + (UnsafeRawPointer(found) - base)
        }
    }

    /// The line without a trailing carriage return.
    private static func trimmed(_ data: Data) -> Data {
        data.last == UInt8(ascii: "\r") ? data.dropLast() : data
    }
}
