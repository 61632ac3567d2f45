import Foundation

extension ImportJSON {
    /// The value a line holds, `nil` when it is not exactly one JSON value (spaces around it allowed).
    ///
    /// Reads what `JSONDecoder` read when it decoded the lines: its dialect (``JSONDialect/decoder``:
    /// trailing commas, 512 levels, no invalid UTF-8, unpaired surrogate or number beyond `Double`), the
    /// first value of a repeated key, a UTF-8 byte order mark skipped, and a line in UTF-16 or UTF-32
    /// (a byte order mark, or zero bytes among the first four, which UTF-8 JSON never has) transcoded.
    static func parse(_ line: Data) -> ImportJSON? {
        let utf8 = transcodedToUTF8(line) ?? line
        return utf8.withUnsafeBytes { raw -> ImportJSON? in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            return try? JSONReader<LineValues>.read(bytes)
        }
    }

    /// The line in UTF-8 when `JSONDecoder` would read it as UTF-16 or UTF-32 (a zero byte, which no JSON
    /// holds, when it cannot be decoded so); `nil` for a UTF-8 line.
    private static func transcodedToUTF8(_ line: Data) -> Data? {
        // The first four bytes (0xFF past the end), read in place: this runs for every line.
        func byte(_ offset: Int) -> UInt8 { offset < line.count ? line[line.startIndex + offset] : 0xFF }
        let encoding: String.Encoding
        var body = line
        switch (byte(0), byte(1), byte(2), byte(3)) {
        case (0x00, 0x00, 0xFE, 0xFF): (encoding, body) = (.utf32BigEndian, line.dropFirst(4))
        case (0xFF, 0xFE, 0x00, 0x00): (encoding, body) = (.utf32LittleEndian, line.dropFirst(4))
        case (0xFE, 0xFF, _, _): (encoding, body) = (.utf16BigEndian, line.dropFirst(2))
        case (0xFF, 0xFE, _, _): (encoding, body) = (.utf16LittleEndian, line.dropFirst(2))
        case (0x00, 0x00, 0x00, _): encoding = .utf32BigEndian
        case (_, 0x00, 0x00, 0x00): encoding = .utf32LittleEndian
        case (0x00, _, _, _): encoding = .utf16BigEndian
        case (_, 0x00, _, _): encoding = .utf16LittleEndian
        default: return nil
        }
        return String(data: body, encoding: encoding).map { Data($0.utf8) } ?? Data([0])
    }

    /// ``ImportJSON`` values, as `JSONDecoder` decoded them: a repeated key keeps its first value.
    enum LineValues: JSONValueBuilding {
        static let dialect = JSONDialect.decoder
        static let wantsColumns = false

        static func emptyObject() -> [String: ImportJSON] { [:] }

        static func add(_ key: String, line: Int, value: ImportJSON, to object: inout [String: ImportJSON]) {
            if object.index(forKey: key) == nil { object[key] = value }
        }

        static func object(_ object: [String: ImportJSON], at position: JSONPosition) -> ImportJSON { .object(object) }
        static func array(_ items: [ImportJSON], at position: JSONPosition) -> ImportJSON { .array(items) }
        static func string(_ text: String, at position: JSONPosition) -> ImportJSON { .string(text) }
        static func number(_ value: Double, written: UnsafeBufferPointer<UInt8>, at position: JSONPosition) -> ImportJSON { .number(value) }
        static func bool(_ value: Bool, at position: JSONPosition) -> ImportJSON { .bool(value) }
        static func null(at position: JSONPosition) -> ImportJSON { .null }
    }
}
