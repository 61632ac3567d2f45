import Foundation
import FormrunnerCore

/// Finds the option a typed answer names: its number in the list (from 1), its id or its label,
/// compared without regard to case or accents.
struct OptionMatcher {
    let options: [PromptOption]

    /// The id of the option `text` names, or the reason it names none.
    func match(_ text: String) -> Result<String, AnswerProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed) {
            guard options.indices.contains(number - 1) else {
                return fail("\(number) is not in the list; type a number from 1 to \(options.count)")
            }
            return .success(options[number - 1].id)
        }
        if let exact = options.first(where: { $0.id == trimmed }) { return .success(exact.id) }
        let folded = Self.fold(trimmed)
        if let option = options.first(where: { Self.fold($0.id) == folded || Self.fold($0.label) == folded }) {
            return .success(option.id)
        }
        return fail("'\(trimmed)' is not an option" + Suggestion.hint(for: trimmed, in: options.map(\.id)))
    }

    private func fail(_ message: String) -> Result<String, AnswerProblem> {
        .failure(AnswerProblem(field: "", message: message))
    }

    /// Lower case without accents, for comparing what people type with labels.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
