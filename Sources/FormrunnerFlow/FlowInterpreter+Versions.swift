import FormrunnerCore

/// Drafts started on an older version of their form (its `version:` changed since): they resume
/// against the form as it is now.
extension FlowInterpreter {
    /// `draft` checked against the current version of its form (see ``AnswerRecheck``): valid
    /// answers are kept, the others dropped with their reasons in ``FlowState/formChanges``, and the
    /// form's step is no longer done when the form needs answers again, so that it is asked (in the
    /// terminal, only what has no answer). A draft of the current version is returned unchanged.
    public func reconciled(_ draft: FlowState) -> FlowState {
        guard let form = currentForm(draft), draft.formVersion != form.version else { return draft }
        var state = draft
        state.formVersion = form.version
        guard !draft.answers.isEmpty else { return state }
        let recheck = AnswerRecheck(form: form, answers: draft.answers, files: draft.files)
        state.answers = recheck.answers
        state.formChanges = recheck.notices.isEmpty ? draft.formChanges : recheck.notices
        if recheck.needsAnswers {
            state.completedSteps.removeAll { id in
                switch step(id)?.kind {
                case .form?, .subject?: return true
                default: return false
                }
            }
        }
        return state
    }
}
