import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerKnowledge
import FormrunnerNotify

/// What a run of an entry flow works with: the catalog, the ticket desk, who may sign in, where
/// codes and drafts are kept, how codes reach people, and the clock.
public struct FlowServices: Sendable {
    /// The definitions.
    public var catalog: Catalog
    /// Files the ticket at the end.
    public var desk: TicketDesk
    /// Who may sign in, with their accounts, country and permissions.
    public var directory: any UserDirectory
    /// Where one-time code hashes wait.
    public var codes: any OneTimeCodeStore
    /// Where interrupted runs are kept.
    public var drafts: any DraftStore
    /// Sends e-mailed codes; nil when no notifier is configured (codes cannot be sent).
    public var mail: (any Notifier)?
    /// Sends SMS codes (the address is a phone number); nil to use ``mail``'s notifier.
    public var sms: (any Notifier)?
    /// Sends an e-mailed sign-in code before the answer to the request returns (tests that read the
    /// code at once). By default it goes out after the answer, so that a known address answers as
    /// fast as an unknown one, to which nothing is sent.
    public var deliverCodesInline = false
    /// Told why a sign-in code sent after the answer could not be delivered (the person is not:
    /// that would tell a known address from an unknown one).
    public var codeDeliveryFailed: @Sendable (String) -> Void = { _ in }
    /// Renders code messages from the catalog's templates.
    public var renderer: MessageRenderer
    /// Verifies Google ID tokens; without it the `google` method is not offered.
    public var google: GoogleIDTokenVerifier?
    /// How passwords are checked.
    public var passwordHasher: PasswordHasher
    /// Checks e-mail and password sign-ins instead of the directory's password hashes (for example
    /// an external `formrunner-auth-NAME` plugin); the person must still be in ``directory``.
    public var passwordAuthenticator: (any Authenticator)?
    /// The knowledge base's index the assistant step answers from; nil: it suggests no articles.
    public var knowledge: KnowledgeIndex?
    /// Where assistant sessions are recorded (deflection); nil: they are not recorded.
    public var assistantSessions: (any AssistantSessionStore)?
    /// How long a draft is kept after its last save.
    public var draftLifetime: TimeInterval
    /// The real time now: sign-in, codes, authenticator steps, lock-outs, drafts and sessions follow
    /// it, never a fixed instant (an old code must not work again because `--now` says so).
    public var clock: @Sendable () -> Date
    /// The tickets' time now: when a ticket is filed, replied to or surveyed. `--now` (and
    /// `FORMRUNNER_NOW`) move only this clock.
    public var ticketClock: @Sendable () -> Date

    /// Services for a run; drafts last 7 days by default; the ticket clock is `clock` unless given.
    public init(catalog: Catalog, desk: TicketDesk, directory: any UserDirectory, codes: any OneTimeCodeStore,
                drafts: any DraftStore, mail: (any Notifier)?, sms: (any Notifier)? = nil,
                renderer: MessageRenderer, google: GoogleIDTokenVerifier? = nil,
                passwordHasher: PasswordHasher = PasswordHasher(), draftLifetime: TimeInterval = AssistantSession.abandonedAfter,
                clock: @escaping @Sendable () -> Date = { Date() }, ticketClock: (@Sendable () -> Date)? = nil) {
        self.catalog = catalog
        self.desk = desk
        self.directory = directory
        self.codes = codes
        self.drafts = drafts
        self.mail = mail
        self.sms = sms
        self.renderer = renderer
        self.google = google
        self.passwordHasher = passwordHasher
        self.passwordAuthenticator = nil
        self.knowledge = nil
        self.assistantSessions = desk.store as? any AssistantSessionStore
        self.draftLifetime = draftLifetime
        self.clock = clock
        self.ticketClock = ticketClock ?? clock
    }
}
