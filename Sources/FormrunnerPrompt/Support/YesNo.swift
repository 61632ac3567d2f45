import FormrunnerCore

/// Reads yes/no answers through ``AnswerParser`` so both prompters accept, and refuse with, the
/// same words as a `boolean` field (`yes`, `y`, `true`, `no`, `n`, `false`).
enum YesNo {
    private static let field = FieldDefinition(id: "answer", label: LocalizedText("Answer"), type: .boolean,
                                               location: SourceLocation(file: "", line: 1, column: 1))

    /// The answer, or the reason it is not one.
    static func parse(_ text: String) -> Result<Bool, AnswerProblem> {
        AnswerParser().parse(.single(text), for: field).flatMap { value in
            if case .boolean(let answer) = value { return .success(answer) }
            return .failure(AnswerProblem(field: field.id, message: "answer yes or no"))
        }
    }

    /// `yes` or `no`.
    static func word(_ value: Bool) -> String { value ? "yes" : "no" }

    /// `[Y/n]`, `[y/N]` or `[y/n]`.
    static func choices(default value: Bool?) -> String {
        switch value {
        case true?: return "[Y/n]"
        case false?: return "[y/N]"
        case nil: return "[y/n]"
        }
    }
}
