import Foundation

/// uuencoded files (`begin 644 name` … `end`), as old mailers and some gateways still put them in
/// the text of a message.
enum Uuencode {
    /// A decoded file.
    struct File: Equatable {
        /// The name on the `begin` line.
        var name: String
        /// The decoded bytes.
        var content: [UInt8]
    }

    /// The first uuencoded file in `bytes`, or `nil` when there is no `begin` line.
    static func decode(_ bytes: [UInt8]) -> File? {
        extract(from: String(decoding: bytes, as: UTF8.self)).files.first
    }

    /// The text with every uuencoded block taken out, and the files those blocks hold. A block
    /// without its `end` line runs to the end of the text.
    static func extract(from text: String) -> (text: String, files: [File]) {
        guard text.contains("begin ") else { return (text, []) }
        var kept: [Substring] = []
        var files: [File] = []
        var current: File?
        // "\r\n" is one Character: split on both kinds of line end.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.last == "\r" ? line.dropLast() : line
            if var file = current {
                if trimmed == "end" {
                    files.append(file)
                    current = nil
                } else {
                    file.content += decodeLine(Array(trimmed.utf8))
                    current = file
                }
                continue
            }
            if let name = beginName(trimmed) {
                current = File(name: name, content: [])
                continue
            }
            kept.append(line)
        }
        if let file = current { files.append(file) }
        return files.isEmpty ? (text, []) : (kept.joined(separator: "\n"), files)
    }

    /// The file name of a `begin MODE NAME` line.
    private static func beginName(_ line: Substring) -> String? {
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.count == 3, words[0] == "begin", words[1].count >= 3, words[1].count <= 4,
              words[1].allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
        let name = words[2].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    /// One line: a length character, then groups of four characters for three bytes.
    private static func decodeLine(_ line: [UInt8]) -> [UInt8] {
        guard let first = line.first else { return [] }
        let length = Int((first &- 0x20) & 0x3F)
        guard length > 0 else { return [] }
        var output: [UInt8] = []
        var index = 1
        while output.count < length && index < line.count {
            var values = [UInt8](repeating: 0, count: 4)
            for offset in 0..<4 where index + offset < line.count {
                values[offset] = (line[index + offset] &- 0x20) & 0x3F
            }
            output.append(values[0] << 2 | values[1] >> 4)
            output.append(values[1] << 4 | values[2] >> 2)
            output.append(values[2] << 6 | values[3])
            index += 4
        }
        return Array(output.prefix(length))
    }
}
