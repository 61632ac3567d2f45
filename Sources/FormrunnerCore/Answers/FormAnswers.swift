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
        // Most answer sets name only questions: the keys are sorted only when one does not.
        let strays = raw.keys.filter { key in
            guard let index = form.fields.firstIndex(where: { $0.id == key }) else { return true }
            return !form.fields[index].type.isQuestion
        }
        for key in strays.sorted() {
            let message = form.field(key) == nil
                ? "the form '\(form.id)' has no such field" + Suggestion.hint(for: key, in: form.questions.map(\.id))
                : "'\(key)' is a note, not a question; it takes no answer"
            problems.append(AnswerProblem(field: key, message: message))
        }
        var checked = Checked(values: [:], files: [:], ignored: [])
        check(form.fields, raw, path: "", into: &checked, problems: &problems)
        problems += brokenRules(checked.values, besides: problems)
        return problems.isEmpty ? .success(checked) : .failure(AnswerProblems(problems))
    }

    /// Checks `raw` against `fields` in order, each condition seeing the answers before it; problems
    /// are reported at `path` + the field id (`orders[2].` inside a group's second item).
    func check(_ fields: [FieldDefinition], _ raw: [String: RawAnswer], path: String,
               into checked: inout Checked, problems: inout [AnswerProblem]) {
        for field in fields where field.type.isQuestion {
            let key = path + field.id
            guard field.isShown(given: checked.values) else {
                if raw[field.id] != nil { checked.ignored.append(key) }
                continue
            }
            guard let answer = raw[field.id], !Self.isBlank(answer) else {
                if field.type == .group {
                    let missing = Self.itemCountProblem(0, of: field)
                    if let missing { problems.append(AnswerProblem(field: key, message: missing)) } else { checked.values[field.id] = .items([]) }
                } else if let value = field.defaultValue {
                    checked.values[field.id] = value
                } else if field.mustBe != nil {
                    problems.append(AnswerProblem(field: key, message: AnswerParser.mustBeMessage(field)))
                } else if let missing = parser.missingOptions([], field) {
                    problems.append(AnswerProblem(field: key, message: missing))
                } else if field.required {
                    problems.append(AnswerProblem(field: key, message: "'\(field.label.english)' is required"))
                }
                continue
            }
            if field.type == .group {
                if let items = checkGroup(answer, of: field, at: key, into: &checked, problems: &problems) {
                    checked.values[field.id] = items
                }
                continue
            }
            switch value(answer, for: field) {
            case .success(let (value, files)):
                checked.values[field.id] = value
                checked.files.merge(files) { first, _ in first }
            case .failure(let problem):
                problems.append(AnswerProblem(field: key, message: problem.message))
            }
        }
    }

    /// The form's `rules:` that the answers break, each at its field (one problem per field at
    /// most, and none where the field already has one). A rule whose condition reads an absent
    /// answer does not apply.
    public func brokenRules(_ values: [String: AnswerValue], besides problems: [AnswerProblem] = []) -> [AnswerProblem] {
        var taken = Set(problems.map(\.field))
        var broken: [AnswerProblem] = []
        for rule in form.rules where !taken.contains(rule.field) && rule.check.truth(values) == false {
            taken.insert(rule.field)
            broken.append(AnswerProblem(field: rule.field, message: rule.message.text(in: parser.language)))
        }
        return broken
    }

    /// One answer, typed; files are inspected on disk.
    /// A group's items are checked as in ``check(_:)``; the first problem is the one returned.
    public func value(_ answer: RawAnswer, for field: FieldDefinition) -> Result<(AnswerValue, [String: String]), AnswerProblem> {
        if field.type == .group {
            var scratch = Checked(values: [:], files: [:], ignored: [])
            var problems: [AnswerProblem] = []
            if let items = checkGroup(answer, of: field, at: field.id, into: &scratch, problems: &problems) { return .success((items, [:])) }
            return .failure(problems.first ?? AnswerProblem(field: field.id, message: "invalid items"))
        }
        guard field.type == .files else {
            return parser.parse(answer, for: field).map { ($0, [:]) }
        }
        return inspector.inspect(answer.items, for: field).map { refs in
            (.files(refs.map(\.reference)), Dictionary(refs.map { ($0.reference.sha256, $0.path) }) { first, _ in first })
        }
    }

    static func isBlank(_ answer: RawAnswer) -> Bool {
        if case .group(let items) = answer { return items.isEmpty }
        return answer.items.allSatisfy { QuickTrim.isBlank($0) }
    }
}
