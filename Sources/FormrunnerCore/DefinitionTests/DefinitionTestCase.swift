import Foundation

/// One case of a definition test file (`Forms/**/*.test.yaml`, `Workflows/*.test.yaml`): answers
/// given to a form and what must follow from them, and, when the case files a ticket at an instant,
/// the events that happen to it afterwards.
public struct DefinitionTestCase: Sendable {
    /// The case's name, unique in its file: a sentence that says what must hold.
    public var name: String
    /// Where the case starts, for the runner's report.
    public var location: SourceLocation
    /// The form the answers are given to.
    public var formID: String
    /// The answers, as an answers file holds them; file paths are relative to the test file.
    public var answers: [String: RawAnswer]
    /// Who files the ticket.
    public var requester: Requester
    /// When the ticket is filed; `nil` for a case that only checks answers.
    public var filedAt: Date?
    /// What must hold once the answers are checked (and the ticket filed).
    public var expectation: DefinitionTestExpectation
    /// The events that happen to the filed ticket, in order.
    public var events: [DefinitionTestEvent]

    /// A case named `name` at `location` for `formID`.
    public init(name: String, location: SourceLocation, formID: String, answers: [String: RawAnswer] = [:],
                requester: Requester = DefinitionTestCase.defaultRequester, filedAt: Date? = nil,
                expectation: DefinitionTestExpectation = DefinitionTestExpectation(), events: [DefinitionTestEvent] = []) {
        self.name = name
        self.location = location
        self.formID = formID
        self.answers = answers
        self.requester = requester
        self.filedAt = filedAt
        self.expectation = expectation
        self.events = events
    }

    /// The requester of a case that names none.
    public static let defaultRequester = Requester(email: "requester@example.com", name: "Ana Souza")
}
