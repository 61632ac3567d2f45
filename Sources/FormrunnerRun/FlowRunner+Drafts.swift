import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

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
            if resume { prompter.say(RequesterText.noDraft.text(state.language), style: .warning) }
        case .unreadable:
            prompter.say(RequesterText.draftUnreadable.text(state.language), style: .warning)
        case .found(let draft):
            let language = state.language
            let when = draft.savedAt.map {
                RequesterText.savedOn.text(language, $0.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened)
                    .locale(Locale(identifier: language))))
            } ?? ""
            if !resume {
                guard try prompter.askConfirm(RequesterText.continueDraft.text(language, when), default: true) else { return }
            }
            state = draft
            if explicitLanguage { state.language = language }
            prompter.language = state.language
            restored = true
            prompter.say(RequesterText.continuingDraft.text(state.language, when), style: .info)
            // Answers of fields the form no longer has: said once, here (the others when asked again).
            for notice in state.formChanges ?? [] where notice.isRemoval {
                prompter.say(notice.text(in: state.language), style: .warning)
            }
            state.formChanges?.removeAll(where: \.isRemoval)
        }
    }

    /// Deletes the user's draft of this flow.
    func deleteDraft() async throws {
        guard let user else { return }
        try await interpreter.deleteDraft(for: user)
    }
}
