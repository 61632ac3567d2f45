import Foundation

/// What a test expects at one point; every expectation left out is not checked.
public struct DefinitionTestExpectation: Sendable {
    /// Whether the answers are valid (`errors` implies `false`).
    public var valid: Bool?
    /// Exactly these answer problems, `field: message` each, in any order.
    public var errors: [String]?
    /// Fields that must be shown (asked).
    public var shown: [String]?
    /// Fields that must be hidden by their condition.
    public var hidden: [String]?
    /// The ticket's priority (an id of `Workflows/priorities.yaml`).
    public var priority: String?
    /// The ticket's status id.
    public var status: String?
    /// Exactly these armed timers: event → due instant.
    public var timers: [(event: String, at: Date)]?
    /// Exactly these e-mails written by this step, in order.
    public var emails: [ExpectedEmail]?
    /// The event must be refused with exactly this message.
    public var refused: String?

    /// An expectation that checks nothing.
    public init() {}

    /// An e-mail the step must write: its template, and optionally its recipient and subject.
    public struct ExpectedEmail: Sendable, Hashable {
        /// The template's name (`solved`, `closed`…).
        public var template: String
        /// `requester`, `agent` or an e-mail address; `nil`: not checked.
        public var to: String?
        /// The exact subject; `nil`: not checked.
        public var subject: String?

        /// An e-mail from `template`.
        public init(template: String, to: String? = nil, subject: String? = nil) {
            self.template = template
            self.to = to
            self.subject = subject
        }
    }
}
