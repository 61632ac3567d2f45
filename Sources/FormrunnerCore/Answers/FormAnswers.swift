/// Checks a whole set of answers against a form: unknown fields, hidden fields, required fields
/// and every field's own rules, reporting every problem at once (by field id).
public struct FormAnswers: Sendable {
    public let form: FormDefinition
    public var parser = AnswerParser()
    public var inspector: AttachmentInspector

    public init(form: FormDefinition, inspector: AttachmentInspector = AttachmentInspector()) {
        self.form = form
        self.inspector = inspector
    }

    /// The checked answers: typed values for the fields that are shown, and the files to store.
    public struct Checked: Sendable {
        public var values: [String: AnswerValue]
        /// Attachments to copy into the store, by SHA-256.
        public var files: [String: String]
        /// Fields that were answered but are hidden by their condition (their answers are dropped).
        public var ignored: [String]
    }

    /// Checks `raw` in the form's order: a field's condition sees the answers before it.
    public func check(_ raw: [String: RawAnswer]) -> Result<Checked, AnswerProblems> {
        var problems: [AnswerProblem] = []
        let ids = form.fields.map(\.id)
        for key in raw.keys.sorted() where form.field(key) == nil {
            problems.append(AnswerProblem(field: key, message: "the form '\(form.id)' has no such field" + Suggestion.hint(for: key, in: ids)))
        }
        var checked = Checked(values: [:], files: [:], ignored: [])
        for field in form.fields {
            guard field.isShown(given: checked.values) else {
                if raw[field.id] != nil { checked.ignored.append(field.id) }
                continue
            }
            guard let answer = raw[field.id], !Self.isBlank(answer) else {
                if let value = field.defaultValue {
                    checked.values[field.id] = value
                } else if field.required {
                    problems.append(AnswerProblem(field: field.id, message: "'\(field.label.english)' is required"))
                }
                continue
            }
            switch value(answer, for: field) {
            case .success(let (value, files)):
                checked.values[field.id] = value
                checked.files.merge(files) { first, _ in first }
            case .failure(let problem):
                problems.append(problem)
            }
        }
        return problems.isEmpty ? .success(checked) : .failure(AnswerProblems(problems))
    }

    /// One answer, typed; files are inspected on disk.
    public func value(_ answer: RawAnswer, for field: FieldDefinition) -> Result<(AnswerValue, [String: String]), AnswerProblem> {
        guard field.type == .files else {
            return parser.parse(answer, for: field).map { ($0, [:]) }
        }
        return inspector.inspect(answer.items, for: field).map { refs in
            (.files(refs.map(\.reference)), Dictionary(refs.map { ($0.reference.sha256, $0.path) }) { first, _ in first })
        }
    }

    static func isBlank(_ answer: RawAnswer) -> Bool {
        answer.items.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
