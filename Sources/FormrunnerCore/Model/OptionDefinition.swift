/// One option of a `choice` or `multichoice` field, with a stable id and a label.
public struct OptionDefinition: Hashable, Sendable {
    /// Stored in answers; never changes once tickets use it.
    public var id: String
    public var label: LocalizedText
    public var help: LocalizedText?
    /// `required: true`: a multichoice answer must include this option (a box that must be ticked).
    public var required: Bool = false
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, help: LocalizedText? = nil, location: SourceLocation) {
        self.id = id
        self.label = label
        self.help = help
        self.location = location
    }
}

/// A shared `option_list` document.
public struct OptionList: Hashable, Sendable {
    public var id: String
    public var options: [OptionDefinition]
    public var location: SourceLocation
}
