/// ``MarkdownText/plain(_:)`` over UTF-8 bytes: the same blocks and spans, read byte by byte
/// instead of Character by Character (the index build spent most of its time there).
///
/// Every mark the Markdown reader looks for is ASCII, and an ASCII byte is never part of a longer
/// UTF-8 sequence, so byte positions stand for Character positions as long as every Unicode scalar
/// of the text is a Character of its own. ``plain(_:)`` answers only for such texts (no carriage
/// return, no combining mark, no joiner: the scalars of ``isSimple(_:)``) and returns nil for the
/// others, which ``MarkdownText`` reads the slow way.
enum MarkdownPlain {
    /// The plain text of `markdown`, or nil when it has a scalar that could join a Character with
    /// its neighbour.
    static func plain(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { bytes -> String? in
            guard isSimple(bytes) else { return nil }
            var reader = Reader(source: bytes)
            reader.read()
            return String(decoding: reader.output, as: UTF8.self)
        }
    }

    /// Whether every scalar of `bytes` is a Character of its own whatever surrounds it: tab, line
    /// feed, printable ASCII, U+00A0–U+02FF (Latin letters and spacing modifiers), and the general
    /// punctuation, currency, letter-like, arrow and symbol blocks without their joiners and marks.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte >= 0x20 && byte != 0x7F || byte == 0x0A || byte == 0x09 else { return false }
                index += 1
                continue
            }
            let value: UInt32, length: Int
            switch byte {
            case 0xC2...0xDF where index + 1 < bytes.count:
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                length = 2
            case 0xE0...0xEF where index + 2 < bytes.count:
                value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                length = 3
            default:
                return false
            }
            switch value {
            case 0xA0...0x2FF, 0x2000...0x200B, 0x2010...0x2027, 0x202F...0x205F, 0x20A0...0x20C0, 0x2100...0x2BFF: break
            default: return false
            }
            index += length
        }
        return true
    }

    /// Spaces trimmed around a line: tab and the space separators of ``isSimple(_:)``'s scalars.
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < end {
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xAF { return 3 }
            if second == 0x81, third == 0x9F { return 3 }
        }
        return 0
    }

    /// The byte range of `bytes[range]` without the spaces around it.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound {
            let length = spaceLength(bytes, at: start, end: range.upperBound)
            if length == 0 { break }
            start += length
        }
        var end = range.upperBound
        while end > start {
            // A space ends here if its first byte is one, two or three bytes back.
            var found = 0
            for length in 1...3 where end - length >= start && spaceLength(bytes, at: end - length, end: end) == length {
                found = length
                break
            }
            if found == 0 { break }
            end -= found
        }
        return start..<end
    }
}
