extension MarkdownPlain {
    /// One reading of a text's bytes into its plain text, block by block as ``MarkdownText/blocks(_:)``
    /// reads them and span by span as ``MarkdownText/spans(_:)`` does.
    struct Reader {
        let source: UnsafeBufferPointer<UInt8>
        /// The plain text so far.
        var output: [UInt8] = []
        private var blocks = 0
        private var paragraph: [Range<Int>] = []
        private var list: (ordered: Bool, items: [[UInt8]])?
        private var code: [Range<Int>]?

        init(source: UnsafeBufferPointer<UInt8>) {
            self.source = source
            output.reserveCapacity(source.count)
        }

        mutating func read() {
            var start = 0
            while true {
                var end = start
                while end < source.count, source[end] != 0x0A { end += 1 }
                line(start..<end)
                if end == source.count { break }
                start = end + 1
            }
            if let lines = code { codeBlock(lines) }
            flush()
        }

        private mutating func line(_ raw: Range<Int>) {
            let line = MarkdownPlain.trimmed(source, raw)
            if let lines = code {
                if starts(line, with: "```") { codeBlock(lines); code = nil } else { code!.append(raw) }
                return
            }
            if starts(line, with: "```") { flush(); code = []; return }
            if line.isEmpty { flush(); return }
            if let level = headingLevel(line) {
                flush()
                beginBlock()
                spans(Array(source[MarkdownPlain.trimmed(source, line.lowerBound + level..<line.upperBound)]))
            } else if let item = listItem(line) {
                if !paragraph.isEmpty || (list != nil && list!.ordered != item.ordered) { flush() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(Array(source[item.text]))
            } else if list != nil, starts(raw, with: "  ") {
                list!.items[list!.items.count - 1] += [0x20] + source[line]
            } else {
                if list != nil { flush() }
                paragraph.append(line)
            }
        }

        private mutating func flush() {
            if !paragraph.isEmpty {
                var text: [UInt8] = []
                for (index, line) in paragraph.enumerated() {
                    if index > 0 { text.append(0x20) }
                    text += source[line]
                }
                beginBlock()
                spans(text)
                paragraph = []
            }
            if let current = list {
                beginBlock()
                for (index, item) in current.items.enumerated() {
                    if index > 0 { output.append(0x0A) }
                    spans(item)
                }
                list = nil
            }
        }

        private mutating func codeBlock(_ lines: [Range<Int>]) {
            beginBlock()
            for (index, line) in lines.enumerated() {
                if index > 0 { output.append(0x0A) }
                output += source[line]
            }
        }

        /// Blocks are joined by a line feed.
        private mutating func beginBlock() {
            if blocks > 0 { output.append(0x0A) }
            blocks += 1
        }

        private func starts(_ range: Range<Int>, with prefix: StaticString) -> Bool {
            guard range.count >= prefix.utf8CodeUnitCount else { return false }
            for offset in 0..<prefix.utf8CodeUnitCount where source[range.lowerBound + offset] != prefix.utf8Start[offset] {
                return false
            }
            return true
        }

        private func headingLevel(_ line: Range<Int>) -> Int? {
            var hashes = 0
            while line.lowerBound + hashes < line.upperBound, source[line.lowerBound + hashes] == UInt8(ascii: "#") { hashes += 1 }
            guard (1...6).contains(hashes), line.lowerBound + hashes < line.upperBound,
                  source[line.lowerBound + hashes] == 0x20 else { return nil }
            return hashes
        }

        private func listItem(_ line: Range<Int>) -> (ordered: Bool, text: Range<Int>)? {
            if starts(line, with: "- ") || starts(line, with: "* ") { return (false, line.lowerBound + 2..<line.upperBound) }
            var digits = 0
            while line.lowerBound + digits < line.upperBound, (0x30...0x39).contains(source[line.lowerBound + digits]) { digits += 1 }
            let dot = line.lowerBound + digits
            guard digits > 0, digits <= 3, dot + 1 < line.upperBound, source[dot] == UInt8(ascii: "."), source[dot + 1] == 0x20
            else { return nil }
            return (true, dot + 2..<line.upperBound)
        }

        /// The text of `text`'s spans: strong, code, emphasis, the text of links, and the rest as written.
        private mutating func spans(_ text: [UInt8]) {
            let (star, backtick, underscore, open, close, paren) = (UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "_"),
                                                                    UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("))
            func find(_ byte: UInt8, from start: Int) -> Int? {
                var index = start
                while index < text.count { if text[index] == byte { return index }; index += 1 }
                return nil
            }
            func find(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
                var index = start
                while index + 1 < text.count {
                    if text[index] == first, text[index + 1] == second { return index }
                    index += 1
                }
                return nil
            }
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte == star, index + 1 < text.count, text[index + 1] == star, let end = find(star, star, from: index + 2) {
                    output += text[index + 2..<end]
                    index = end + 2
                } else if byte == backtick, let end = find(backtick, from: index + 1) {
                    output += text[index + 1..<end]
                    index = end + 1
                } else if byte == star || byte == underscore, let end = find(byte, from: index + 1), end > index + 1 {
                    output += text[index + 1..<end]
                    index = end + 1
                } else if byte == open, let middle = find(close, paren, from: index), let end = find(UInt8(ascii: ")"), from: middle + 2) {
                    output += text[index + 1..<middle]
                    index = end + 1
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
    }
}
