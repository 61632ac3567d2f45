/// The prompts' own wording, in the prompter's language (see ``RequesterText``).
enum PromptText {
    static func required(_ language: String) -> String { RequesterText.required.text(language) }
    static func chooseOne(_ language: String) -> String { RequesterText.chooseOne.text(language) }
    static func answerYesOrNo(_ language: String) -> String { RequesterText.answerYesOrNo.text(language) }
    static func skipHint(_ language: String) -> String { RequesterText.skipHint.text(language) }
    static func clearHint(_ language: String) -> String { RequesterText.clearHint.text(language) }
    static func toClear(_ language: String) -> String { RequesterText.toClear.text(language) }
    static func lineMultilineHint(_ language: String) -> String { RequesterText.lineMultilineHint.text(language) }
    static func terminalMultilineHint(_ language: String) -> String { RequesterText.terminalMultilineHint.text(language) }
    static func choiceKeys(_ language: String) -> String { RequesterText.choiceKeys.text(language) }
    static func multiChoiceKeys(_ language: String) -> String { RequesterText.multiChoiceKeys.text(language) }
    static func lineChoiceHint(_ language: String) -> String { RequesterText.lineChoiceHint.text(language) }
    static func lineMultiChoiceHint(_ language: String) -> String { RequesterText.lineMultiChoiceHint.text(language) }
    static func cancelled(_ language: String) -> String { RequesterText.cancelled.text(language) }
    static func endOfInput(_ language: String) -> String { RequesterText.endOfInput.text(language) }

    /// `default: x`, with a masked default never shown.
    static func defaultNote(_ value: String, masked: Bool, _ language: String) -> String {
        RequesterText.defaultNote.text(language, masked ? secretMask : value)
    }

    /// The reason a filter matches nothing.
    static func noMatch(_ filter: String, _ language: String) -> String { RequesterText.noMatch.text(language, filter) }
}
