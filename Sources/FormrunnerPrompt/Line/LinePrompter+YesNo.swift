import Foundation
extension LinePrompter {
    /// Asks `label [Y/n]`; an empty answer takes the default.
    public func askConfirm(_ label: String, default defaultValue: Bool) throws(PromptInterruption) -> Bool {
        try askYesNo(label, help: nil, default: defaultValue, skippable: false) ?? defaultValue
    }

    /// Asks `label [y/n]`, accepting the words of a boolean field (`yes`, `y`, `true`, `no`, `n`, `false`).
    public func askYesNo(_ label: String, help: String?, default defaultValue: Bool?, skippable: Bool) throws(PromptInterruption) -> Bool? {
        var note = YesNo.choices(default: defaultValue)
        if skippable { note += defaultValue == nil ? " (" + PromptText.skipHint(language) + ")" : " (" + PromptText.toClear(language) + ")" }
        ask(label, note: note, help: help)
        while true {
            let answer = try readAnswer().trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                if defaultValue != nil || skippable { return defaultValue }
                refuse(PromptText.answerYesOrNo(language))
                continue
            }
            if answer == "-", skippable { return nil }
            switch YesNo.parse(answer) {
            case .success(let value): return value
            case .failure(let problem): refuse(language == "en" ? problem.message : PromptText.answerYesOrNo(language))
            }
        }
    }
}
