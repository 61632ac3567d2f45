/// What a reading of JSON accepts beyond RFC 8259's strict grammar, and what it refuses that a lenient
/// reading repairs. ``JSONSourceParser`` reads in the ``source`` dialect, import lines in ``decoder``.
struct JSONDialect: Sendable {
    /// `[1,]` and `{"a":1,}` read as `[1]` and `{"a":1}`.
    var allowsTrailingCommas: Bool
    /// The deepest nesting of objects and arrays accepted.
    var maximumDepth: Int
    /// Refuses invalid UTF-8 in a string and an unpaired surrogate escape (else read as U+FFFD), and a
    /// number beyond `Double` or that rounds to zero (else read as ±infinity or 0).
    var refusesRepairs: Bool

    /// Strict RFC 8259, repairs allowed: a file whose values keep their places (``JSONSourceParser``).
    static let source = JSONDialect(allowsTrailingCommas: false, maximumDepth: 64, refusesRepairs: false)
    /// What Foundation's `JSONDecoder` reads: trailing commas, 512 levels, no repairs.
    static let decoder = JSONDialect(allowsTrailingCommas: true, maximumDepth: 512, refusesRepairs: true)
}

/// Where a value starts: 1-based line and column (the column is 0 when the builder asks for none).
struct JSONPosition: Sendable {
    var line: Int
    var column: Int
}

/// The values a ``JSONReader`` makes, and how it reads: one parser, a value type per use.
protocol JSONValueBuilding {
    /// A JSON value.
    associatedtype Value
    /// An object while its members are read.
    associatedtype Object

    /// The dialect read.
    static var dialect: JSONDialect { get }
    /// Whether values are given their column (counting columns costs a pass over the bytes).
    static var wantsColumns: Bool { get }

    /// An object without members yet.
    static func emptyObject() -> Object
    /// Adds a member, its key on `line`, to `object` (what a repeated key does is the builder's choice).
    static func add(_ key: String, line: Int, value: Value, to object: inout Object)
    static func object(_ object: Object, at position: JSONPosition) -> Value
    static func array(_ items: [Value], at position: JSONPosition) -> Value
    static func string(_ text: String, at position: JSONPosition) -> Value
    /// A number and the bytes it was written with.
    static func number(_ value: Double, written: UnsafeBufferPointer<UInt8>, at position: JSONPosition) -> Value
    static func bool(_ value: Bool, at position: JSONPosition) -> Value
    static func null(at position: JSONPosition) -> Value
}
