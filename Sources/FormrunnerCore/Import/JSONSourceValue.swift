/// A JSON value that keeps the line and column it was written at, so that an importer can say
/// where in the file each thing it drops is.
public struct JSONSourceValue: Sendable {
    /// The kinds of JSON value.
    public indirect enum Kind: Sendable {
        case object([Member])
        case array([JSONSourceValue])
        case string(String)
        /// A number and how it was written.
        case number(Double, String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` of an object.
    public struct Member: Sendable {
        public var key: String
        /// The line of the key.
        public var line: Int
        public var value: JSONSourceValue
    }

    public var kind: Kind
    /// 1-based line and column of the value's first character.
    public var line: Int
    public var column: Int

    /// The members of an object (empty for any other value).
    public var members: [Member] {
        if case .object(let members) = kind { return members }
        return []
    }

    /// The value of the last member called `key` of an object (as JavaScript reads duplicates).
    public subscript(key: String) -> JSONSourceValue? { members.last { $0.key == key }?.value }

    /// The last member called `key`.
    public func member(_ key: String) -> Member? { members.last { $0.key == key } }

    /// The text of a string.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// A number, or a string that holds one.
    public var number: Double? {
        switch kind {
        case .number(let value, _): return value
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    /// A boolean (or the strings `"true"`/`"false"`).
    public var bool: Bool? {
        switch kind {
        case .bool(let value): return value
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    /// The items of an array (`nil` for any other value).
    public var array: [JSONSourceValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    /// Whether the value is an object.
    public var isObject: Bool {
        if case .object = kind { return true }
        return false
    }

    /// A scalar as text: a string, a number as written, `true`/`false`; `nil` for null, objects, arrays.
    public var scalarText: String? {
        switch kind {
        case .string(let text): return text
        case .number(_, let written): return written
        case .bool(let value): return String(value)
        default: return nil
        }
    }

    /// "an object", "a list", "text 'x'"…: how messages name what was found.
    public var kindDescription: String {
        switch kind {
        case .object: return "an object"
        case .array: return "a list"
        case .string(let text): return "text '\(text)'"
        case .number(_, let written): return "the number \(written)"
        case .bool(let value): return "\(value)"
        case .null: return "null"
        }
    }
}
