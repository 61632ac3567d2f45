import Foundation
import FormrunnerCore

extension FlowInterpreter {
    /// What a look for a saved draft found.
    public enum DraftLookup: Sendable {
        /// No draft of this flow for the user (or it expired).
        case none
        /// A draft that cannot be read any more (written by another version).
        case unreadable
        /// The saved run.
        case found(FlowState)
    }

    private func draftKey(_ user: UserRecord) -> String {
        FlowState.draftKey(workflowID: flow.id, user: user.email)
    }

    /// Saves `state` as the user's draft of this flow, for the services' draft lifetime (7 days by
    /// default). Sign-in and permission steps are not kept as done: a resumed run does them again.
    public func saveDraft(_ state: FlowState, for user: UserRecord) async throws {
        let now = services.clock()
        var saved = kept(state)
        saved.savedAt = now
        if let form = currentForm(saved) { saved.formVersion = form.version }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        try await services.drafts.save(key: draftKey(user), payload: try encoder.encode(saved),
                                       expiresAt: now.addingTimeInterval(services.draftLifetime))
    }

    /// `state` as a draft keeps it: sign-in and the permission gate are never kept as done.
    public func kept(_ state: FlowState) -> FlowState {
        var kept = state
        kept.completedSteps.removeAll { id in
            switch step(id)?.kind {
            case .authentication?, .permission?: return true
            default: return false
            }
        }
        return kept
    }

    /// The user's saved draft of this flow, checked against the current version of its form.
    public func loadDraft(for user: UserRecord) async throws -> DraftLookup {
        guard let payload = try await services.drafts.load(key: draftKey(user), now: services.clock()) else { return .none }
        guard let draft = try? Self.decodedDrafts.value(of: payload, decode: Self.decodeDraft), draft.workflowID == flow.id else {
            return .unreadable
        }
        return .found(reconciled(draft))
    }

    /// Drafts decoded lately (the web portal reads the same draft on every page of a flow).
    private static let decodedDrafts = DecodeMemo<FlowState>(capacity: 512)

    private static func decodeDraft(_ payload: Data) throws -> FlowState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(FlowState.self, from: payload)
    }

    /// Deletes the user's draft of this flow.
    public func deleteDraft(for user: UserRecord) async throws {
        try await services.drafts.delete(key: draftKey(user))
    }
}
