import Foundation

/// Answering the questions of `formrunner run` as a person would: wait for the question, press
/// keys, then wait until it collapses to its `✔ label · answer` line.
extension TmuxSession {
    /// Waits for the question `label` (`? label`), runs `keys`, and waits for the answer to be taken.
    func answer(_ label: String, _ keys: () async throws -> Void) async throws {
        let answeredBefore = screen().components(separatedBy: "✔ " + label).count - 1
        try await waitFor("? " + label)
        try await keys()
        try await waitFor("✔ " + label, count: answeredBefore + 1)
    }

    /// Types `text` and Enter at the text question `label`.
    func answer(_ label: String, text: String) async throws {
        try await answer(label) { try type(text, enter: true) }
    }

    /// Takes the default (or skips an optional question) with Enter.
    func accept(_ label: String) async throws {
        try await answer(label) { try press("Enter") }
    }

    /// Narrows the list of `label` by typing `filter` (words of an option's label or its id), then
    /// chooses the highlighted option.
    func choose(_ label: String, _ filter: String) async throws {
        try await answer(label) { try type(filter, enter: true) }
    }

    /// Writes `text` in the multiline editor of `label` (a line break is Enter) and finishes with Ctrl-D.
    func write(_ label: String, _ text: String) async throws {
        try await answer(label) {
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                if index > 0 { try press("Enter") }
                try type(line)
            }
            try press("C-d")
        }
    }

    /// Replaces the text offered in the input line of `label` (Ctrl-U clears it) with `text`.
    func replace(_ label: String, with text: String) async throws {
        try await answer(label) {
            try press("C-u")
            try type(text, enter: true)
        }
    }

    /// Signs in with a code e-mailed to `email`, read from `desk`'s Maildir.
    func signInWithEmailCode(_ email: String, desk: RunDesk) async throws {
        try await choose("How do you want to sign in?", "code")
        try await answer("E-mail", text: email)
        let code = try await desk.nextCode(screen: { screen() })
        try await answer("Code sent to \(email)", text: code)
        try await waitFor("Signed in as ")
    }
}
