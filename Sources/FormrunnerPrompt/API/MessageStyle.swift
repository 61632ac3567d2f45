/// How a message given to ``Prompter/say(_:style:)`` is shown (colour is dropped under `NO_COLOR`).
public enum MessageStyle: Sendable, Hashable {
    /// A heading, such as a form's title.
    case title
    /// Supporting information, shown subdued.
    case info
    /// Something that went well.
    case success
    /// Something the person should notice.
    case warning
    /// Something that went wrong.
    case error
    /// Text as it is.
    case plain
}
