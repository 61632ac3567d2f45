/// A YAML node as formrunner reads it: every value keeps the place it was written.
///
/// Scalars are never given a type by the reader: `yes`, `no`, `on`, `off` and `010` stay the text
/// the author wrote. The definition decoder gives a scalar a type only where the language expects
/// one, so YAML 1.1's silent coercions cannot happen.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): return scalar.location
        case .mapping(let mapping): return mapping.location
        case .sequence(let sequence): return sequence.location
        }
    }

    /// "text", "a mapping" or "a list": how error messages name what was found.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "nothing" : "text '\(scalar.value)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// A scalar and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written in the file.
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var value: String
    public var style: Style
    public var location: SourceLocation
    /// Where the scalar's text ends (just past its closing quote or last character), when read from a file.
    public var end: SourceLocation?

    public init(value: String, style: Style, location: SourceLocation) {
        self.value = value
        self.style = style
        self.location = location
    }

    /// A plain `~`, `null`, `Null`, `NULL` or an empty plain scalar.
    public var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(value)
    }

    /// Where the scalar's text starts: one column after the opening quote of a quoted scalar.
    public var contentLocation: SourceLocation {
        switch style {
        case .singleQuoted, .doubleQuoted: return location.advanced(by: 1)
        default: return location
        }
    }
}

/// A mapping whose keys are scalars, in the order they were written.
public struct YAMLMapping: Sendable {
    public struct Entry: Sendable {
        public var key: YAMLScalar
        public var value: YAMLNode
    }

    public var entries: [Entry]
    public var location: SourceLocation

    /// The value for `key`, if present.
    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key.value == key }?.value
    }

    /// The entry for `key`, if present.
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key.value == key }
    }
}

/// A sequence of nodes.
public struct YAMLSequence: Sendable {
    public var items: [YAMLNode]
    public var location: SourceLocation
}
