import Foundation
import FormrunnerCore

/// Where a run of an entry flow stands: what a draft keeps between an interruption (Ctrl-C, the end
/// of input, a lost terminal) and `formrunner run WORKFLOW --resume`.
///
/// Sign-in and the permission gate are never kept as done: a resumed run signs in again and is
/// checked again; everything after them is restored.
public struct FlowState: Codable, Hashable, Sendable {
    /// The flow being run.
    public var workflowID: String
    /// Steps already done, by id, in order.
    public var completedSteps: [String] = []
    /// The language chosen in the assistant step (`en`, `pt`, `es`), English until then.
    public var language: String = "en"
    /// The scenario chosen in the assistant step, by id.
    public var scenario: String?
    /// The assistant step's guidance answers, by guidance id.
    public var guidance: [String: String] = [:]
    /// The assistant's answers from the knowledge base so far: the session and the articles shown last.
    public var assistant: AssistantProgress?
    /// Answers to the identification step (for example name and account), by field id.
    public var identity: [String: AnswerValue] = [:]
    /// The chosen subject's id, for flows with a subject step.
    public var subjectID: String?
    /// The form's answers so far, by field id.
    public var answers: [String: AnswerValue] = [:]
    /// Attachments chosen so far: SHA-256 → path.
    public var files: [String: String] = [:]
    /// When the state was last saved.
    public var savedAt: Date?
    /// The `version:` of the form the answers were given to. A draft resumed after the form changed
    /// is checked against the current version (``FlowInterpreter/reconciled(_:)``).
    public var formVersion: Int?
    /// The answers the current version of the form refused or no longer asks, with their reasons,
    /// until the form is answered again (nil: none).
    public var formChanges: [AnswerRecheck.Notice]?

    /// The state of a new run of `workflowID`.
    public init(workflowID: String) {
        self.workflowID = workflowID
    }

    /// The draft key of a user's run of a flow (one draft per user and flow).
    public static func draftKey(workflowID: String, user: String) -> String {
        "run:\(workflowID):\(UserRecord.normalizedEmail(user))"
    }

    /// Whether the step with this id is done.
    public func isDone(_ stepID: String) -> Bool {
        completedSteps.contains(stepID)
    }

    /// Records the step with this id as done.
    public mutating func markDone(_ stepID: String) {
        if !isDone(stepID) { completedSteps.append(stepID) }
    }
}
