/// One problem found in a definition file, with where it is and how to fix it.
///
/// Modelled on swift-format's `Finding`: the library never prints; it hands diagnostics to its
/// caller, which renders them (see ``DiagnosticRenderer``) and derives the exit code.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
        case note
    }

    /// A secondary message that points at another place, e.g. the first definition of a duplicate.
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` only for problems that have no place (an unreadable folder).
    public var location: SourceLocation?
    public var notes: [Note]
    /// The kind of problem, documented in `docs/diagnostics.md`; `nil` for problems outside the
    /// definition language (an answers file, a knowledge article).
    public var code: DiagnosticCode?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation?, notes: [Note] = [],
                code: DiagnosticCode? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.code = code
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation?, notes: [Note] = [],
                             code: DiagnosticCode? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes, code: code)
    }

    /// `path:line:col: error: message`, without the code.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// `path:line:col: error: message [FR0201]`: the first line of the rendered form, with the code
    /// at the end as swiftc and clang show a diagnostic's group (`[#DeprecatedDeclaration]`, `[-Wunused]`),
    /// so that tools matching `path:line:col: error: ` keep working.
    public var headline: String {
        code.map { "\(description) [\($0.rawValue)]" } ?? description
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; diagnostics without a location first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { l, r in
            switch (l.element.location, r.element.location) {
            case let (a?, b?): return a == b ? l.offset < r.offset : a < b
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return l.offset < r.offset
            }
        }.map(\.element)
    }
}

/// Diagnostics thrown together, for APIs that fail with located problems.
public struct DiagnosticsError: Error, Hashable, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
