import Foundation

/// Reads lines from a file descriptor (a pipe, a file or a terminal in canonical mode).
struct LineReader {
    /// What one attempt to read a line gave.
    enum Read: Equatable {
        /// A line without its line break (a last line without one counts too).
        case line(String)
        case end
        case interrupted
    }

    private var source: ByteSource

    init(descriptor: Int32) {
        source = ByteSource(descriptor: descriptor)
    }

    mutating func next() -> Read {
        var bytes: [UInt8] = []
        while true {
            switch source.next() {
            case .byte(UInt8(ascii: "\n")): return .line(Self.decode(bytes))
            case .byte(let byte): bytes.append(byte)
            case .end, .timedOut: return bytes.isEmpty ? .end : .line(Self.decode(bytes))
            case .interrupted: return .interrupted
            }
        }
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
