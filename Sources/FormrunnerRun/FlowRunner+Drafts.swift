import Foundation
import FormrunnerCore

extension FlowRunner {
    private var draftKey: String? {
        user.map { FlowState.draftKey(workflowID: flow.id, user: $0.email) }
    }

    /// Saves the run as the signed-in user's draft; returns false before sign-in (nothing to save).
    @discardableResult
    func saveDraft() async throws -> Bool {
        guard let draftKey else { return false }
        let now = services.clock()
        var saved = state
        saved.savedAt = now
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        try await services.drafts.save(key: draftKey, payload: try encoder.encode(saved),
                                       expiresAt: now.addingTimeInterval(services.draftLifetime))
        return true
    }

    /// After sign-in: continues the user's draft of this flow, with `--resume` or when they say so.
    func restoreDraft() async throws {
        guard let draftKey else { return }
        guard let payload = try await services.drafts.load(key: draftKey, now: services.clock()) else {
            if resume { prompter.say("There is no draft of this flow to resume; starting afresh.", style: .warning) }
            return
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        guard let draft = try? decoder.decode(FlowState.self, from: payload), draft.workflowID == flow.id else {
            prompter.say("The saved draft cannot be read any more; starting afresh.", style: .warning)
            return
        }
        let when = draft.savedAt.map { " saved " + $0.formatted(date: .abbreviated, time: .shortened) } ?? ""
        if !resume {
            guard try prompter.askConfirm("Continue the draft\(when)?", default: true) else { return }
        }
        state = draft
        restored = true
        prompter.say("Continuing the draft\(when).", style: .info)
    }

    /// Deletes the user's draft of this flow.
    func deleteDraft() async throws {
        guard let draftKey else { return }
        try await services.drafts.delete(key: draftKey)
    }
}
