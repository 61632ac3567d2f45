#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming `multipart/form-data` scanner (RFC 7578, RFC 2046 §5.1): fed the body a chunk at a
/// time, it reports each part's headers, its body in pieces, and its end.
///
/// Delimiters are found with `memchr` and `memcmp` over the bytes as they are, so a part's body costs a copy and
/// a search, not work per byte: MultipartKit's parser tested and copied a body byte by byte (81% of
/// an upload's CPU in a debug build, about 1 µs a byte). At most one delimiter's length of a chunk is
/// held back (it may begin the next delimiter), and a part's headers at most ``maxHeaderBytes``.
struct MultipartScanner {
    /// The largest header block of one part.
    static let maxHeaderBytes = 16 << 10

    /// Why a body is not multipart.
    enum Failure: Error, Equatable {
        /// A delimiter not followed by CRLF or `--`, a header line without a colon.
        case malformed
        /// A part's headers over ``maxHeaderBytes``.
        case headersTooLarge
    }

    /// What the scanner found, in the body's order.
    enum Event {
        /// A part begins, with its headers (names in lower case).
        case part([String: String])
        /// Bytes of the current part's body.
        case body(UnsafeRawBufferPointer)
        /// The current part is over.
        case end
    }

    private enum State {
        /// Before the first delimiter (the preamble is skipped).
        case preamble
        /// Right after a delimiter: `--` closes the body, CRLF starts a part.
        case delimiter
        case headers
        case body
        /// After the close delimiter: the rest is ignored.
        case epilogue
    }

    /// `CRLF--boundary`: the delimiter before every part and the close.
    private let delimiter: [UInt8]
    private var state = State.preamble
    /// Bytes received but not yet scanned, from ``start``. Begins with a CRLF so that a body
    /// starting with `--boundary` matches the same delimiter as every later one.
    private var pending: [UInt8] = [13, 10]
    private var start = 0

    /// A scanner for the parts separated by `boundary`.
    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Whether the close delimiter was seen: the body was whole.
    var isComplete: Bool {
        if case .epilogue = state { return true }
        return false
    }

    /// Scans `chunk`, calling `handle` for each event it completes. The body bytes given to
    /// `handle` are valid only during the call.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ handle: (Event) throws -> Void) throws {
        if case .epilogue = state { return }
        // Scanned from a local array: `step` changes the scanner while the bytes are borrowed.
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        buffer.append(contentsOf: chunk)
        defer {
            buffer.removeFirst(start)
            start = 0
            pending = buffer
        }
        try buffer.withUnsafeBytes { bytes in
            while try step(bytes, handle) {}
        }
    }

    /// Scans from ``start`` as far as the bytes allow; false when more bytes are needed.
    private mutating func step(_ bytes: UnsafeRawBufferPointer, _ handle: (Event) throws -> Void) throws -> Bool {
        let available = bytes.count - start
        switch state {
        case .preamble:
            guard let found = find(delimiter, in: bytes, from: start) else {
                start = max(start, bytes.count - (delimiter.count - 1))
                return false
            }
            start = found + delimiter.count
            state = .delimiter
            return true
        case .delimiter:
            guard available >= 2 else { return false }
            let first = bytes[start], second = bytes[start + 1]
            if first == UInt8(ascii: "-"), second == UInt8(ascii: "-") {
                state = .epilogue
                start = bytes.count
                return false
            }
            // Transport padding (spaces, tabs) may stand before the CRLF.
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                start += 1
                return true
            }
            guard first == 13, second == 10 else { throw Failure.malformed }
            start += 2
            state = .headers
            return true
        case .headers:
            // No headers at all: the blank line comes at once.
            if available >= 2, bytes[start] == 13, bytes[start + 1] == 10 {
                start += 2
                try handle(.part([:]))
                state = .body
                return true
            }
            guard let end = find(Self.blankLine, in: bytes, from: start) else {
                guard available <= Self.maxHeaderBytes else { throw Failure.headersTooLarge }
                return false
            }
            guard end - start <= Self.maxHeaderBytes else { throw Failure.headersTooLarge }
            try handle(.part(Self.headers(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))))
            start = end + Self.blankLine.count
            state = .body
            return true
        case .body:
            if let found = find(delimiter, in: bytes, from: start) {
                if found > start { try handle(.body(UnsafeRawBufferPointer(rebasing: bytes[start..<found]))) }
                try handle(.end)
                start = found + delimiter.count
                state = .delimiter
                return true
            }
            // The last bytes may be the beginning of a delimiter: keep them for the next chunk.
            let safe = bytes.count - (delimiter.count - 1)
            if safe > start {
                try handle(.body(UnsafeRawBufferPointer(rebasing: bytes[start..<safe])))
                start = safe
            }
            return false
        case .epilogue:
            start = bytes.count
            return false
        }
    }

    private static let blankLine: [UInt8] = [13, 10, 13, 10]

    /// The offset of the first `needle` in `bytes` at or after `from`: `memchr` finds each
    /// candidate first byte, `memcmp` checks the rest.
    private func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty else { return nil }
        let last = bytes.count - needle.count
        var offset = from
        return needle.withUnsafeBytes { needleBytes -> Int? in
            guard let wanted = needleBytes.baseAddress else { return nil }
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, wanted, needle.count) == 0 { return at }
                offset = at + 1
            }
            return nil
        }
    }

    /// A header block's `Name: value` lines, names in lower case.
    private static func headers(_ block: UnsafeRawBufferPointer) throws -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { throw Failure.malformed }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers[name] = String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        return headers
    }
}
