/// Parses JSON (RFC 8259) into ``JSONSourceValue``s that keep their lines and columns. Strict: no
/// comments, no trailing commas; nesting is limited so that a hostile file cannot exhaust the stack.
/// The parsing is ``JSONReader``'s, the parser `tickets import` reads its lines with too.
public struct JSONSourceParser {
    /// A syntax error and where it is.
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// The deepest nesting of objects and arrays accepted.
    public static let maximumDepth = JSONDialect.source.maximumDepth

    /// The value held in `text`.
    public static func parse(_ text: String) throws(Failure) -> JSONSourceValue {
        var text = text
        let read = text.withUTF8 { bytes in Result { () throws(Failure) in try JSONReader<SourceValues>.read(bytes) } }
        return try read.get()
    }

    /// ``JSONSourceValue``s, each with its place; every member of an object kept, a repeated key too.
    enum SourceValues: JSONValueBuilding {
        static let dialect = JSONDialect.source
        static let wantsColumns = true

        static func emptyObject() -> [JSONSourceValue.Member] { [] }

        static func add(_ key: String, line: Int, value: JSONSourceValue, to object: inout [JSONSourceValue.Member]) {
            object.append(JSONSourceValue.Member(key: key, line: line, value: value))
        }

        static func object(_ object: [JSONSourceValue.Member], at position: JSONPosition) -> JSONSourceValue {
            value(.object(object), at: position)
        }

        static func array(_ items: [JSONSourceValue], at position: JSONPosition) -> JSONSourceValue {
            value(.array(items), at: position)
        }

        static func string(_ text: String, at position: JSONPosition) -> JSONSourceValue { value(.string(text), at: position) }

        static func number(_ value: Double, written: UnsafeBufferPointer<UInt8>, at position: JSONPosition) -> JSONSourceValue {
            self.value(.number(value, String(decoding: written, as: UTF8.self)), at: position)
        }

        static func bool(_ value: Bool, at position: JSONPosition) -> JSONSourceValue { self.value(.bool(value), at: position) }

        static func null(at position: JSONPosition) -> JSONSourceValue { value(.null, at: position) }

        private static func value(_ kind: JSONSourceValue.Kind, at position: JSONPosition) -> JSONSourceValue {
            JSONSourceValue(kind: kind, line: position.line, column: position.column)
        }
    }
}
