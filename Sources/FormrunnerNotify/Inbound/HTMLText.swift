/// Turns the HTML of an HTML-only e-mail into plain text: tags dropped, block elements and `<br>`
/// as line breaks, list items as `- `, `<blockquote>` content as `> ` quoted lines (so that the
/// ``ReplyCleaner`` removes it), `<script>`, `<style>` and `<head>` dropped, entities decoded,
/// runs of spaces collapsed.
///
/// One pass over the UTF-8 bytes, in linear time and space: a quote's `> ` prefix is written at most
/// four times however deep the `<blockquote>`s nest.
enum HTMLText {
    /// The text of `html`.
    static func text(of html: String) -> String {
        var writer = LineWriter()
        let bytes = Array(html.utf8)
        var index = 0
        var skipping: [UInt8]?
        var textStart = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if skipping == nil { writer.appendText(bytes[textStart..<index]) }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                textStart = bytes.count
                index = bytes.count
                break
            }
            let tag = bytes[(index + 1)..<close]
            index = close + 1
            textStart = index
            if tag.starts(with: Array("!--".utf8)) {
                if !(tag.count >= 5 && tag.suffix(2).elementsEqual([0x2D, 0x2D])), let end = find([0x2D, 0x2D, 0x3E], in: bytes, from: index) {
                    index = end + 3
                    textStart = index
                }
                continue
            }
            let isClosing = tag.first == UInt8(ascii: "/")
            let name = Array(tag.drop { $0 == UInt8(ascii: "/") }.prefix { isAlphanumeric($0) }.map { $0 | 0x20 })
            if let skipped = skipping {
                if isClosing && name == skipped { skipping = nil }
                continue
            }
            switch String(decoding: name, as: UTF8.self) {
            case "script", "style", "head", "title":
                if !isClosing && tag.last != UInt8(ascii: "/") { skipping = name }
            case "br":
                writer.endLine()
            case "blockquote":
                writer.endLine()
                writer.depth = max(0, writer.depth + (isClosing ? -1 : 1))
            case "li":
                if !isClosing {
                    writer.endLine()
                    writer.current = Array("- ".utf8)
                }
            case "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "pre":
                writer.endLine()
            default:
                break
            }
        }
        if skipping == nil { writer.appendText(bytes[min(textStart, bytes.count)..<bytes.count]) }
        writer.endLine()
        return String(decoding: writer.output, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The lines being written: whitespace collapsed, blank lines at most one in a row, quoted
    /// lines prefixed.
    private struct LineWriter {
        var output: [UInt8] = []
        var current: [UInt8] = []
        var depth = 0
        private var lineCount = 0
        private var blankPending = false

        mutating func endLine() {
            while current.last == 0x20 { current.removeLast() }
            if current.isEmpty {
                if lineCount > 0 { blankPending = true }
                return
            }
            if lineCount > 0 { output.append(0x0A) }
            if blankPending { output.append(0x0A) }
            blankPending = false
            for _ in 0..<min(depth, 4) { output += [0x3E, 0x20] }
            output += current
            current.removeAll(keepingCapacity: true)
            lineCount += 1
        }

        /// Appends text with whitespace collapsed and entities decoded.
        mutating func appendText(_ text: ArraySlice<UInt8>) {
            var index = text.startIndex
            while index < text.endIndex {
                let byte = text[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    space()
                } else if byte == 0xC2, index + 1 < text.endIndex, text[index + 1] == 0xA0 {
                    current.append(0x20)
                    index += 1
                } else if byte == UInt8(ascii: "&"), let end = text[index..<min(index + 40, text.endIndex)].firstIndex(of: UInt8(ascii: ";")),
                          let replacement = HTMLText.replacement(for: Substring(decoding: text[(index + 1)..<end], as: UTF8.self)) {
                    if replacement == "\u{00A0}" {
                        current.append(0x20)
                    } else if replacement.count == 1, replacement.first?.isWhitespace == true {
                        space()
                    } else {
                        current += Array(replacement.utf8)
                    }
                    index = end
                } else {
                    current.append(byte)
                }
                index += 1
            }
        }

        private mutating func space() {
            if !current.isEmpty && current.last != 0x20 { current.append(0x20) }
        }
    }

    /// `&name;` (every HTML5 name), `&#123;` and `&#x7B;` decoded; an unknown entity is kept.
    /// Numeric references to 0x80–0x9F are read as Windows-1252, as browsers do; invalid ones as U+FFFD.
    static func decodeEntities(_ text: Substring) -> String {
        var output = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(40).firstIndex(of: ";") else {
                output.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            if let replacement = replacement(for: name) {
                output += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    static func replacement(for name: Substring) -> String? {
        guard name.hasPrefix("#") else { return HTMLEntities.table[String(name)] }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value else { return nil }
        if (0x80...0x9F).contains(value) { return Charset.singleBytes([UInt8(value)]) }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
