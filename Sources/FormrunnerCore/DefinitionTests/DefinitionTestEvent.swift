import Foundation

/// Something that happens to a test's ticket at an instant: a life-cycle event fired by someone, or
/// `tick` (every timer due at that instant fires, as `formrunner tick` does).
public struct DefinitionTestEvent: Sendable {
    /// The event's id, or ``tick``.
    public var event: String
    /// Who fires it (`system` for `tick`).
    public var actor: Actor
    /// When it happens.
    public var at: Date
    /// The message that goes with it (a reply's text), if any.
    public var message: String?
    /// What must hold after it.
    public var expectation: DefinitionTestExpectation
    /// Where the event is written.
    public var location: SourceLocation

    /// The pseudo-event that fires the timers due at its instant.
    public static let tick = "tick"

    /// An event fired by `actor` at `at`.
    public init(event: String, actor: Actor, at: Date, message: String? = nil,
                expectation: DefinitionTestExpectation = DefinitionTestExpectation(), location: SourceLocation) {
        self.event = event
        self.actor = actor
        self.at = at
        self.message = message
        self.expectation = expectation
        self.location = location
    }
}
