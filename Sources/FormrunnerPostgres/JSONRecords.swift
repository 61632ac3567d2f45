/// A JSON array of objects, written field by field: the one document a statement binds to read many
/// rows at once (`json_to_recordset($1::json)`), so that the statement's text, and what PostgreSQL
/// parses and binds, stays the same whatever the number of rows.
///
/// Strings are escaped as RFC 8259 says: `"` and `\` by a backslash, the control characters
/// U+0000–U+001F as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; every other character is written as its
/// UTF-8 bytes. Field names are written as given: they are column names (ASCII letters, digits and `_`).
struct JSONRecords: ColumnValues {
    /// The names of each record's fields, in the order they are added.
    let columns: [String]
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    /// How many of the record's columns were given a value so far (`nil` included).
    private var fieldsInRecord = 0
    /// Whether the record has a field written yet (a `nil` writes none).
    private var recordHasField = false

    /// How many records were begun.
    private(set) var count = 0

    /// An empty document whose records have these fields, in this order.
    init(columns: [String]) {
        self.columns = columns
    }

    /// The document: `[` the records `]`.
    var text: String {
        var closed = bytes
        closed.append(UInt8(ascii: "]"))
        return String(decoding: closed, as: UTF8.self)
    }

    /// Starts the next record; its fields follow (one value for each column, in order), then ``endRecord()``.
    mutating func beginRecord() {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "{"))
        fieldsInRecord = 0
        recordHasField = false
        count += 1
    }

    /// Ends the record begun last.
    mutating func endRecord() {
        precondition(fieldsInRecord == columns.count, "a record of \(fieldsInRecord) fields for \(columns.count) columns")
        bytes.append(UInt8(ascii: "}"))
    }

    /// The next field, text; left out when `nil`.
    mutating func add(_ value: String?) {
        guard let value else { return skip() }
        key()
        appendString(value)
    }

    /// The next field, an integer; left out when `nil`.
    mutating func add(_ value: Int64?) {
        guard let value else { return skip() }
        key()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// The next field, an integer; left out when `nil`.
    mutating func add(_ value: Int?) {
        add(value.map(Int64.init))
    }

    /// The next field, a boolean.
    mutating func add(_ value: Bool) {
        key()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// The next field, an array of texts (read into a `text[]` column); left out when `nil`.
    mutating func add(_ values: [String]?) {
        guard let values else { return skip() }
        key()
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func key() {
        precondition(fieldsInRecord < columns.count, "more fields than the \(columns.count) columns")
        if recordHasField { bytes.append(UInt8(ascii: ",")) }
        recordHasField = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: columns[fieldsInRecord].utf8)
        fieldsInRecord += 1
        bytes.append(contentsOf: "\":".utf8)
    }

    /// A `nil` value: no field at all, which `json_to_recordset` reads as `NULL` (a shorter document
    /// to send and to parse: a tick's ticket leaves about 15 of its 35 columns `NULL`).
    private mutating func skip() {
        precondition(fieldsInRecord < columns.count, "more fields than the \(columns.count) columns")
        fieldsInRecord += 1
    }

    /// `value` quoted, its runs of bytes that need no escape copied at once (e-mail bodies are mostly such runs).
    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                appendEscaped(byte)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `byte` (a quote, a backslash or a control character) escaped.
    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x00..<0x20:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        default: bytes.append(byte)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
