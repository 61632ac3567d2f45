import FormrunnerCore
import FormrunnerPrompt

/// How a run of an entry flow ended.
public enum FlowOutcome: Sendable {
    /// The ticket was filed.
    case filed(Ticket)
    /// The assistant step answered the question; no ticket was filed.
    case answeredByAssistant
    /// A step refused the user (for example the permission gate), with the message to show.
    case refused(String)
    /// The person cancelled at the review; nothing was sent and the draft was discarded.
    case discarded
    /// A question was interrupted; `draftSaved` tells whether the answers so far were kept.
    case interrupted(PromptInterruption, draftSaved: Bool)
}
