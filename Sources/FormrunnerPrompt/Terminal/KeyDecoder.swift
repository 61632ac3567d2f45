/// Turns raw-mode bytes into ``Key``s: control bytes, CSI/SS3 escape sequences and UTF-8.
struct KeyDecoder {
    /// How long to wait after ESC for the rest of a sequence before taking it as the Escape key.
    static let escapeWait = 50

    private var source: ByteSource

    init(source: ByteSource) {
        self.source = source
    }

    /// The next key, or nil when the input ended.
    mutating func next() -> Key? {
        switch source.next() {
        case .byte(let byte): return decode(byte)
        case .interrupted: return .interrupt
        case .end, .timedOut: return nil
        }
    }

    private mutating func decode(_ byte: UInt8) -> Key {
        switch byte {
        case 0x03: return .interrupt
        case 0x04: return .endOfTransmission
        case 0x01: return .home
        case 0x05: return .end
        case 0x08, 0x7F: return .backspace
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x15: return .eraseLine
        case 0x17: return .eraseWord
        case 0x1B: return escapeSequence()
        case 0x00..<0x20: return .unknown
        default: return character(startingWith: byte)
        }
    }

    private mutating func escapeSequence() -> Key {
        guard case .byte(let introducer) = source.next(waitingAtMost: Self.escapeWait) else { return .escape }
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return .unknown }
        var parameters: [UInt8] = []
        while case .byte(let byte) = source.next(waitingAtMost: Self.escapeWait) {
            if (0x40...0x7E).contains(byte) { return Self.key(final: byte, parameters: parameters) }
            parameters.append(byte)
            if parameters.count > 16 { break }
        }
        return .unknown
    }

    private static func key(final: UInt8, parameters: [UInt8]) -> Key {
        switch Character(Unicode.Scalar(final)) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "~":
            switch String(decoding: parameters, as: UTF8.self) {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return .unknown
            }
        default: return .unknown
        }
    }

    private mutating func character(startingWith lead: UInt8) -> Key {
        let length: Int
        switch lead {
        case 0x20..<0x80: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return .unknown
        }
        var bytes = [lead]
        while bytes.count < length, case .byte(let next) = source.next(waitingAtMost: Self.escapeWait) {
            bytes.append(next)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.count == length, !text.contains("\u{FFFD}"), let first = text.first else { return .unknown }
        return .character(first)
    }
}
