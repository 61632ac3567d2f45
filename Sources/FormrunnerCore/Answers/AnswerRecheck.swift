import Foundation

/// The answers a draft kept from an earlier version of a form, checked again against the form as
/// it is now (`version:` changed since they were given).
///
/// Answers still valid are kept. An answer the current form refuses (a lower `max`, an option that
/// is gone, a new `pattern`, a broken rule) is dropped, with the reason to show when it is asked
/// again; the answer of a field the form no longer has is dropped, and that is said too. New
/// questions simply have no answer yet, so they are asked.
public struct AnswerRecheck: Sendable {
    /// Why an answer of the draft was dropped.
    public struct Notice: Codable, Hashable, Sendable {
        /// The field whose answer was dropped.
        public var field: String
        /// The field's label in the current form; nil when the form no longer has the field.
        public var label: LocalizedText?
        /// What the current form says of the answer (nil when the field was removed).
        public var problem: String?
        /// The dropped answer as text, for a removed field (the person may want to write it elsewhere).
        public var answer: String?

        /// Whether the field was removed from the form (its answer is not asked again).
        public var isRemoval: Bool { label == nil }

        /// What to tell the person, in `language` (`en`, `pt`, `es`; English otherwise):
        /// "The form changed since you started: 'Amount' must now be at most 500; please answer again."
        public func text(in language: String) -> String {
            let frame = Self.frame(language)
            guard let label, let problem else {
                return frame.changed + PlaceholderText.fill(frame.removed, with: [field, answer.map { " (\($0))" } ?? ""])
            }
            return frame.changed + Self.sentence(label.text(in: language), problem) + frame.again
        }

        /// "'Amount' must now be at most 500" from "must be at most 500, got 900"; "'Plan': 'gold'
        /// is not an option …" for the other problems.
        static func sentence(_ label: String, _ problem: String) -> String {
            var problem = problem
            if let got = problem.range(of: ", got ") { problem = String(problem[..<got.lowerBound]) }
            if problem.hasPrefix("must ") { return "'\(label)' must now " + problem.dropFirst("must ".count) }
            return "'\(label)': " + problem
        }

        /// The words around a reason, in `language`.
        static func frame(_ language: String) -> (changed: String, again: String, removed: String) {
            switch language {
            case "pt":
                return ("O formulário mudou desde que você começou: ", "; responda novamente.",
                        "'%1' não é mais perguntado, e sua resposta%2 foi descartada.")
            case "es":
                return ("El formulario cambió desde que empezó: ", "; responda de nuevo.",
                        "'%1' ya no se pregunta, y su respuesta%2 se descartó.")
            default:
                return ("The form changed since you started: ", "; please answer again.",
                        "'%1' is no longer asked, so its answer%2 was dropped.")
            }
        }
    }

    /// The answers still valid against the current form.
    public private(set) var answers: [String: AnswerValue]
    /// The answers dropped, in the form's order (removed fields last, by id).
    public private(set) var notices: [Notice] = []
    /// Whether the form as it is now still needs answers (a dropped answer, a new required field).
    public private(set) var needsAnswers = false

    /// Checks `answers` (attachments by SHA-256 in `files`) against `form`, with `checker` (the
    /// form's own ``FormAnswers`` by default: another attachment inspector or clock for `today`).
    public init(form: FormDefinition, answers: [String: AnswerValue], files: [String: String],
                checker: FormAnswers? = nil) {
        var kept = answers
        var removed: [Notice] = []
        for id in answers.keys.sorted() where form.field(id)?.type.isQuestion != true {
            kept[id] = nil
            removed.append(Notice(field: id, label: nil, problem: nil, answer: answers[id]?.plainText))
        }
        let checker = checker ?? FormAnswers(form: form)
        var dropped: [String: String] = [:]
        // Dropping an answer can show or hide later fields: check again until nothing more goes.
        for _ in 0...form.fields.count {
            guard case .failure(let found) = checker.check(values: kept, files: files) else {
                needsAnswers = false
                break
            }
            needsAnswers = true
            let wrong = found.problems.filter { kept[$0.field] != nil }
            if wrong.isEmpty { break }
            for problem in wrong where dropped[problem.field] == nil {
                dropped[problem.field] = problem.message
                kept[problem.field] = nil
            }
        }
        self.answers = kept
        notices = form.fields.compactMap { field in
            dropped[field.id].map { Notice(field: field.id, label: field.label, problem: $0, answer: nil) }
        } + removed
    }
}
