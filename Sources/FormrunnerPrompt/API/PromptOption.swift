/// One option of a single or multiple choice question.
public struct PromptOption: Hashable, Sendable {
    /// What the prompter returns when the option is chosen.
    public var id: String
    /// What the person sees.
    public var label: String
    /// An optional explanation, shown next to the option (or under the list for the highlighted one).
    public var help: String?

    /// An option with an id, a label and optional help text.
    public init(id: String, label: String, help: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
    }
}
