import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins
import FormrunnerSQLite

/// One support desk, wired once per process from ``DeskSettings``: the catalog, the ticket store,
/// the ``TicketDesk`` on it, the message renderer, the desk's address and clock; notifiers and the
/// identity stores are built when first asked for.
///
/// Every front end (the command line, the web portal, the benchmarks) opens its desk here, so the
/// settings resolve the same way everywhere.
///
/// ```swift
/// let desk = try await Desk.open(DeskSettings(catalog: "examples", store: "memory:"))
/// let ticket = try await desk.ticketDesk.create(formID: "technical.intake", answers: answers,
///                                               requester: requester, at: desk.now())
/// let problems = await desk.deliver()
/// ```
public final class Desk: Sendable {
    /// The settings the desk was opened with.
    public let settings: DeskSettings
    /// The valid catalog of forms, workflows and templates.
    public let catalog: Catalog
    /// Where the tickets are (flag, environment, formrunner.yaml or the default).
    public let location: TicketStoreURL
    /// The ticket store, opened once.
    public let store: any TicketStore
    /// Files tickets and moves them through their life cycles, on ``store``.
    public let ticketDesk: TicketDesk
    /// Renders the catalog's e-mails signed with the desk's name: its messages and one-time codes.
    public let renderer: MessageRenderer
    /// The desk's e-mail identity; its display name is also `desk.name` in templates.
    public let address: DeskAddress
    /// The web portal's public address.
    public let baseURL: URL
    /// The instant the desk acts at when one was given (`--now`, `FORMRUNNER_NOW`); `nil` to follow the clock.
    public let fixedNow: Date?
    /// The timeout of plugins that set none of their own, in seconds.
    public let pluginTimeout: TimeInterval
    /// The key that signs satisfaction-survey links (the Solved e-mail's, checked by the web portal).
    public let surveyKey: SurveyToken.Key
    /// The key the web portal derives anonymous visitors' CSRF tokens with (see `PortalSettings`).
    public let webSessionKey: [UInt8]

    private let choices: [NotifierChoice]
    private let registry: NotifierRegistry
    private let builtNotifier = LazyValue<NotifierBox>()
    private let builtIdentity: LazyValue<IdentityStores>
    let builtKnowledge = LazyValue<KnowledgeBox>()

    /// Opens the desk `settings` describe: loads the catalog, resolves every setting, opens the
    /// ticket store once, and builds the renderer and the ticket desk.
    ///
    /// Notifier settings are checked here (a malformed one is refused whatever the front end does)
    /// but notifiers are built by ``notifier()``, so a missing plugin stops only what delivers.
    /// - Throws: ``InvalidCatalogError`` when the catalog has errors; ``DeskSettingError`` for a
    ///   setting that cannot be read or a store that cannot be opened.
    public static func open(_ settings: DeskSettings) async throws -> Desk {
        let catalog = try settings.loadCatalog()
        let fixedNow = try settings.fixedInstant()
        let location = try settings.storeLocation(catalog.configuration)
        let store: any TicketStore
        do {
            store = try await location.open(catalog: settings.catalog)
        } catch {
            var failure = DeskSettingError.failure("cannot open the ticket store \(location.redacted): \(error)")
            failure.isStoreUnavailable = true
            throw failure
        }
        return try Desk(catalog: catalog, store: store, location: location, fixedNow: fixedNow, settings: settings)
    }

    /// A desk on a store that is already open (the benchmarks open theirs per database), with the
    /// other settings resolved from `settings`.
    /// - Throws: ``DeskSettingError`` for a setting that cannot be read.
    public convenience init(catalog: Catalog, store: any TicketStore, location: TicketStoreURL = .memory,
                            settings: DeskSettings = DeskSettings(environment: [:])) throws {
        try self.init(catalog: catalog, store: store, location: location, fixedNow: try settings.fixedInstant(),
                      settings: settings)
    }

    private init(catalog: Catalog, store: any TicketStore, location: TicketStoreURL, fixedNow: Date?,
                 settings: DeskSettings) throws {
        self.settings = settings
        self.catalog = catalog
        self.location = location
        self.store = store
        self.fixedNow = fixedNow
        address = try settings.address(catalog.configuration)
        baseURL = try settings.resolvedBaseURL(catalog.configuration)
        let surveyKey = try Desk.surveyKey(for: location, catalog: settings.catalog)
        self.surveyKey = surveyKey
        webSessionKey = try Desk.webSessionKey(for: location, catalog: settings.catalog)
        let links = SurveyLinks(baseURL: baseURL.absoluteString) { SurveyToken.issue(ticket: $0, round: $1, key: surveyKey) }
        renderer = MessageRenderer(catalog: catalog, deskName: address.name.isEmpty ? "Support" : address.name,
                                   surveyLinks: links)
        // The ticket desk asks for the people (agents, teams) only when it assigns or checks who acts.
        let identity = LazyValue<IdentityStores>()
        builtIdentity = identity
        let folder = settings.catalog
        var ticketDesk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(renderer: renderer)) {
            try identity.get { try IdentityStores(location, beside: store, catalog: folder) }.directory
        }
        // `type: secret` answers are sealed with the desk's key, as TOTP secrets are.
        ticketDesk.secrets = try Desk.answerSealer(for: location, catalog: settings.catalog)
        ticketDesk.duplicateWindow = try settings.duplicateWindow()
        // Users kept in the tickets' own SQLite file or PostgreSQL database: the store checks their
        // change count in the transaction of each create that assigns, so the desk need not read it first.
        ticketDesk.directoryCheckedByStore = IdentityStores.areKept(at: location, inDatabaseOf: store)
        self.ticketDesk = ticketDesk
        choices = try settings.notifierChoices(catalog.configuration)
        let override = try settings.pluginTimeoutOverride()
        pluginTimeout = override ?? catalog.configuration?.pluginTimeout ?? ExternalNotifier.defaultTimeout
        registry = NotifierRegistry(
            configuration: catalog.configuration,
            pluginTimeout: catalog.configuration?.pluginTimeout ?? ExternalNotifier.defaultTimeout,
            timeoutOverride: override,
            sendmailTimeout: try settings.sendmailTimeout(),
            writer: EMLWriter(desk: address))
        try registry.check(choices)
    }

    /// The ticket clock: the fixed instant when one was given, else the real time.
    public func now() -> Date {
        fixedNow ?? Date()
    }

    /// The notifier messages go out through, built on the first call and kept; `nil` when the
    /// settings say `none`.
    /// - Throws: ``DeskSettingError`` (failure) when a plugin notifier is missing or not executable.
    public func notifier() throws -> (any Notifier)? {
        try builtNotifier.get { NotifierBox(notifier: try registry.notifier(for: choices)) }.notifier
    }

    /// Users, one-time codes and drafts beside the tickets (in the same SQLite file or PostgreSQL
    /// database, or in memory), opened on the first call and kept.
    /// - Throws: ``DeskSettingError`` (failure) when they cannot be opened.
    public func identity() throws -> IdentityStores {
        try builtIdentity.get { try IdentityStores(location, beside: store, catalog: settings.catalog) }
    }

    /// Delivers the messages due at `instant` (``now()`` by default); what fails stays in the outbox
    /// for later.
    /// - Returns: A message for each delivery that failed (or for a notifier that cannot be built).
    /// - Parameters:
    ///   - limit: The most messages claimed in this call.
    ///   - budget: The most seconds spent delivering (checked between messages; `nil`: no limit).
    ///     What is left waits for `deliver` or the worker.
    ///   - ownOnly: Only the messages this desk wrote (``TicketDesk/written``, taken): what a command
    ///     delivers after its work, so that a backlog never holds it up.
    public func deliver(at instant: Date? = nil, limit: Int = 1000, budget: TimeInterval? = nil,
                        ownOnly: Bool = false) async -> [String] {
        let notifier: (any Notifier)?
        do {
            notifier = try self.notifier()
        } catch {
            return ["\(error)"]
        }
        guard let notifier else { return [] }
        let deadline = budget.map { Date().addingTimeInterval($0) }
        let dispatcher = OutboxDispatcher(store: store, notifier: notifier)
        let shouldContinue: @Sendable () -> Bool = { deadline.map { Date() < $0 } ?? true }
        let report = ownOnly
            ? await dispatcher.deliver(ids: Array(ticketDesk.written.take().prefix(limit)), at: instant ?? now(), while: shouldContinue)
            : await dispatcher.deliverDue(at: instant ?? now(), limit: limit, while: shouldContinue)
        return report.errors.map(\.error)
    }

    /// Closes the ticket store's connections (PostgreSQL); the other stores need no closing.
    public func close() async {
        await store.close()
    }
}

/// A notifier, or none, as one value that can be kept.
private struct NotifierBox: Sendable {
    var notifier: (any Notifier)?
}
