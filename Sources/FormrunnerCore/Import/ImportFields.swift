import Foundation

/// Reads the fields of one import line, collecting a problem for each field of the wrong type.
struct ImportFields {
    let object: [String: ImportJSON]
    var problems: [ImportProblem] = []

    init(_ object: [String: ImportJSON]) {
        self.object = object
    }

    /// The string at `key`; `nil` (and a problem) when it is of another type, or missing and `required`.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        switch object[key] {
        case .string(let text)?: return text
        case nil, .null?:
            if required { problems.append(ImportProblem("'\(key)' is missing")) }
            return nil
        case let other?:
            problems.append(ImportProblem("'\(key)' must be a string, found \(other.kind)"))
            return nil
        }
    }

    /// The answers, as `tickets create` reads them from a file: a value or a list of values per field id.
    mutating func answers() -> [String: RawAnswer] {
        guard let value = object["answers"], value != .null else { return [:] }
        guard case .object(let answers) = value else {
            problems.append(ImportProblem("'answers' must be an object mapping field ids to answers, found \(value.kind)"))
            return [:]
        }
        var raw: [String: RawAnswer] = [:]
        for (field, answer) in answers {
            if let text = answer.scalarText {
                raw[field] = .single(text)
            } else if case .array(let items) = answer, let texts = Self.texts(items) {
                raw[field] = .list(texts)
            } else {
                problems.append(ImportProblem("the answer to '\(field)' must be a value or a list of values, found \(answer.kind)"))
            }
        }
        return raw
    }

    /// The texts of a list of plain values; `nil` when an item is a list or an object.
    private static func texts(_ items: [ImportJSON]) -> [String]? {
        var texts: [String] = []
        for item in items {
            guard let text = item.scalarText else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// The instant at `key` (ISO-8601, with or without fractional seconds); `nil` when missing or not one.
    mutating func instant(_ key: String, of object: [String: ImportJSON]? = nil, label: String? = nil) -> Date? {
        let source = object ?? self.object
        let name = label ?? "'\(key)'"
        switch source[key] {
        case nil, .null?: return nil
        case .string(let text)?:
            if let date = Self.parseInstant(text) { return date }
            problems.append(ImportProblem("\(name) is not an ISO-8601 instant (e.g. 2026-03-02T10:00:00-03:00): '\(text)'"))
            return nil
        case let other?:
            problems.append(ImportProblem("\(name) must be an ISO-8601 instant, found \(other.kind)"))
            return nil
        }
    }

    /// An ISO-8601 instant with a time zone, with or without fractional seconds.
    static func parseInstant(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    /// `date` as the import's messages write it: ISO-8601 in UTC, to the millisecond when it has some.
    static func text(_ date: Date) -> String {
        let rounded = date.roundedToMilliseconds
        let whole = rounded.timeIntervalSince1970.rounded(.down) == rounded.timeIntervalSince1970
        return rounded.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: !whole))
    }
}
