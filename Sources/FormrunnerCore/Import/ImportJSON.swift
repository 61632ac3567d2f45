import Foundation

/// A JSON value of an import line, as written (numbers kept apart from booleans).
///
/// Lines are read by ``JSONReader`` as Foundation's `JSONDecoder` read them before (see ``parse(_:)``).
public indirect enum ImportJSON: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([ImportJSON])
    case object([String: ImportJSON])

    /// The object a line holds, or why it holds none.
    public static func object(in line: Data) -> Result<[String: ImportJSON], ImportProblem> {
        guard let value = parse(line) else {
            return .failure(ImportProblem("malformed JSON; each line must be one JSON object"))
        }
        guard case .object(let object) = value else {
            return .failure(ImportProblem("expected a JSON object (one ticket), found \(value.kind)"))
        }
        return .success(object)
    }

    /// What the value is, in words.
    public var kind: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as an answer's text: numbers without a needless `.0`, booleans as `true`/`false`,
    /// `null` as nothing; `nil` for arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array, .object: return nil
        }
    }
}
