import Foundation
import FormrunnerCore

/// What the desk's reply action offers on a ticket: writing a reply in the editor, or starting from
/// one of the catalog's canned replies (Workflows/macros.yaml), labelled and rendered in the
/// requester's language (the ticket's, falling back to English).
struct DeskReplyChoice {
    /// The first line of the list: a reply of the agent's own.
    static let ownReply = "Write your own reply in the editor"

    /// The macros, by id.
    let macros: [MacroDefinition]
    /// The requester's language, which labels and bodies are shown in.
    let language: String

    init(catalog: Catalog, ticket: Ticket) {
        macros = catalog.macros.values.sorted { $0.id < $1.id }
        language = ticket.language ?? "en"
    }

    /// Whether there is anything to choose: without macros the reply goes straight to the editor.
    var isEmpty: Bool { macros.isEmpty }

    /// The lines of the list: the agent's own reply, then each macro's id and label.
    var lines: [String] {
        let width = macros.map(\.id.count).max() ?? 0
        return [Self.ownReply] + macros.map { "\($0.id.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.label.text(in: language))" }
    }

    /// The macro of line `index` of ``lines``; `nil` for the agent's own reply.
    func macro(atLine index: Int) -> MacroDefinition? {
        index > 0 && index <= macros.count ? macros[index - 1] : nil
    }
}
