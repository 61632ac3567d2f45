/// The stable JSON shape of `formrunner validate --format json`.
public struct ValidationReport: Encodable, Sendable {
    /// One diagnostic, flattened.
    public struct Entry: Encodable, Sendable {
        /// A note attached to a diagnostic.
        public struct Note: Encodable, Sendable {
            public var message: String
            public var file: String?
            public var line: Int?
            public var column: Int?
        }
        public var severity: String
        /// The diagnostic's code (`FR0201`), documented in docs/diagnostics.md; absent for the few without one.
        public var code: String?
        public var message: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var notes: [Note]
    }

    public var valid: Bool
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Entry]

    public init(diagnostics: [Diagnostic], files: Int) {
        valid = !diagnostics.hasErrors
        self.files = files
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.diagnostics = diagnostics.map { diagnostic in
            Entry(severity: diagnostic.severity.rawValue, code: diagnostic.code?.rawValue, message: diagnostic.message, file: diagnostic.location?.file,
                  line: diagnostic.location?.line, column: diagnostic.location?.column,
                  notes: diagnostic.notes.map {
                      .init(message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column)
                  })
        }
    }
}
