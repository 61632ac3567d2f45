import Foundation
import FormrunnerCore
import FormrunnerFlow

extension FlowRunner {
    /// Saves the run as the signed-in user's draft; returns false before sign-in (nothing to save).
    @discardableResult
    func saveDraft() async throws -> Bool {
        guard let user else { return false }
        try await interpreter.saveDraft(state, for: user)
        return true
    }

    /// After sign-in: continues the user's draft of this flow, with `--resume` or when they say so.
    func restoreDraft() async throws {
        guard let user else { return }
        switch try await interpreter.loadDraft(for: user) {
        case .none:
            if resume { prompter.say("There is no draft of this flow to resume; starting afresh.", style: .warning) }
        case .unreadable:
            prompter.say("The saved draft cannot be read any more; starting afresh.", style: .warning)
        case .found(let draft):
            let when = draft.savedAt.map { " saved " + $0.formatted(date: .abbreviated, time: .shortened) } ?? ""
            if !resume {
                guard try prompter.askConfirm("Continue the draft\(when)?", default: true) else { return }
            }
            state = draft
            restored = true
            prompter.say("Continuing the draft\(when).", style: .info)
        }
    }

    /// Deletes the user's draft of this flow.
    func deleteDraft() async throws {
        guard let user else { return }
        try await interpreter.deleteDraft(for: user)
    }
}
