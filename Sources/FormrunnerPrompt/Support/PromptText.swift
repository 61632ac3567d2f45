/// The prompts' own English wording, in one place.
enum PromptText {
    static let required = "an answer is required"
    static let chooseOne = "choose one of the options"
    static let answerYesOrNo = "answer yes or no"
    static let skipHint = "optional: press Enter to skip"
    static let clearHint = "Enter keeps the default; type - to clear it"
    static let lineMultilineHint = "finish with a line holding a single '.'"
    static let terminalMultilineHint = "Enter adds a line · finish with Ctrl-D or a line holding a single '.'"
    static let choiceKeys = "↑/↓ move · type to filter · Enter choose"
    static let multiChoiceKeys = "↑/↓ move · Space toggle · type to filter · Enter confirm"
    static let lineChoiceHint = "type a number, an id or a label"
    static let lineMultiChoiceHint = "type numbers, ids or labels separated by commas; - for none"
    static let cancelled = "cancelled"

    /// `default: x`, with a masked default never shown.
    static func defaultNote(_ value: String, masked: Bool) -> String {
        "default: " + (masked ? secretMask : value)
    }

    /// The reason a filter matches nothing.
    static func noMatch(_ filter: String) -> String { "no option matches '\(filter)'" }
}
