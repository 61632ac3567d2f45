import FormrunnerCore
import FormrunnerKnowledge

/// Asks a form's fields in order and holds the review screen.
///
/// Fields hidden by their `when:` condition (which sees the answers before them) are not asked,
/// and their answers are removed. Existing answers are offered as defaults (the definition's
/// `default:` otherwise). An optional field is skipped with an empty answer, and its answer is
/// cleared with `-`. Every answer goes through ``FormAnswers/value(_:for:)`` — the same
/// validation as `--answers` — and an invalid one is asked again with its reason.
public struct FormAsker {
    /// Who asks.
    public let prompter: any Prompter
    /// The language of labels and help (`en`, `pt`, `es`), with English as the fallback.
    public let language: String
    /// Checks attachments on the spot.
    public var inspector = AttachmentInspector()
    /// The accounts the person may act for: `account` fields become a choice among them (when nil
    /// or empty, an account is typed and checked as text).
    public var accounts: [String]?
    /// Answers offered as the starting value of fields that have no answer yet (ahead of the
    /// definition's `default:`), e.g. a description drafted from earlier steps. An offered value
    /// becomes an answer only when the person accepts it.
    public var suggestions: [String: AnswerValue] = [:]

    /// An asker that speaks through `prompter` in `language`.
    public init(prompter: any Prompter, language: String = "en") {
        self.prompter = prompter
        self.language = language
    }

    /// Asks `form`'s fields, updating `answers` and `files` (attachment paths by SHA-256).
    ///
    /// Without `only`, the form's title and description are shown first and every shown field is
    /// asked. With `only`, just those fields are asked — plus fields that the new answers make
    /// appear. Either way, answers of fields that are now hidden are removed, and `files` keeps
    /// only the attachments some answer still refers to. When interrupted, the answers given so far
    /// are kept in `answers`.
    public func ask(_ form: FormDefinition, answers: inout [String: AnswerValue], files: inout [String: String],
                    only fieldIDs: Set<String>? = nil) throws(PromptInterruption) {
        let shownBefore = Set(Self.shownFields(of: form, given: answers).map(\.id))
        if fieldIDs == nil {
            prompter.say(form.title.text(in: language), style: .title)
            if let description = form.description?.text(in: language) { prompter.say(description, style: .info) }
        }
        defer { Self.keepReferencedFiles(&files, answers: answers, form: form) }
        let checker = FormAnswers(form: form, inspector: inspector)
        var visible: [String: AnswerValue] = [:]
        var section: Int?
        for field in form.fields {
            guard field.isShown(given: visible) else {
                answers[field.id] = nil
                continue
            }
            if field.section != section, fieldIDs == nil {
                section = field.section
                if let index = section { sayHeading(of: form.sections[index]) }
            }
            if field.type == .note {
                if fieldIDs == nil, let text = field.text?.text(in: language) { prompter.say(MarkdownText.terminal(text), style: .plain) }
                continue
            }
            let wanted = fieldIDs.map { $0.contains(field.id) || !shownBefore.contains(field.id) } ?? true
            if wanted {
                let current = answers[field.id] ?? suggestions[field.id]
                let (value, newFiles) = try question(for: field, checker: checker).ask(current: current, files: files)
                answers[field.id] = value
                files.merge(newFiles) { _, new in new }
            }
            if let value = answers[field.id] { visible[field.id] = value }
        }
        try askAgainForRules(form, answers: &answers, files: &files, checker: checker)
    }

    /// The fields shown given `answers`, in order (a condition sees the shown answers before it).
    public static func shownFields(of form: FormDefinition, given answers: [String: AnswerValue]) -> [FieldDefinition] {
        var visible: [String: AnswerValue] = [:]
        var shown: [FieldDefinition] = []
        for field in form.fields where field.isShown(given: visible) {
            shown.append(field)
            if let value = answers[field.id] { visible[field.id] = value }
        }
        return shown
    }

    func question(for field: FieldDefinition, checker: FormAnswers) -> FieldQuestion {
        FieldQuestion(field: field, prompter: prompter, language: language, checker: checker, accounts: accounts)
    }

    /// Drops the paths of attachments no answer of `form` refers to any more.
    private static func keepReferencedFiles(_ files: inout [String: String], answers: [String: AnswerValue], form: FormDefinition) {
        var referenced: Set<String> = []
        for field in form.fields {
            if case .files(let refs)? = answers[field.id] { referenced.formUnion(refs.map(\.sha256)) }
        }
        files = files.filter { referenced.contains($0.key) }
    }
}
