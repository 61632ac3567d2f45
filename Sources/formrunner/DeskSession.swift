import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins

/// Everything a ticket command needs, wired from the options: the catalog, the store, the desk,
/// the notifier and the time.
struct DeskSession {
    let catalog: Catalog
    let store: any TicketStore
    let desk: TicketDesk
    /// Renders the catalog's e-mails, signed with the desk's name: the desk's messages and one-time codes.
    let renderer: MessageRenderer
    let notifier: (any Notifier)?
    /// Where the tickets are (flag, environment, formrunner.yaml or the default).
    let location: TicketStoreURL
    /// The desk's e-mail identity (flag, environment, formrunner.yaml or the default).
    let address: DeskAddress
    let now: Date

    init(_ options: GlobalOptions) async throws {
        catalog = try CatalogSession.load(options)
        now = try options.instant()
        location = try options.storeLocation(catalog.configuration)
        do {
            store = try await location.open(catalog: options.catalog)
        } catch {
            throw CommandFailure("cannot open the ticket store \(location.redacted): \(error)")
        }
        // The desk address's display name is also `desk.name` in templates: one place for both.
        address = try options.desk(catalog.configuration)
        renderer = MessageRenderer(catalog: catalog, deskName: address.name.isEmpty ? "Support" : address.name)
        desk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(renderer: renderer))
        let choices = try options.notifierChoices(catalog.configuration)
        let registry = NotifierRegistry(
            configuration: catalog.configuration,
            pluginTimeout: catalog.configuration?.pluginTimeout ?? ExternalNotifier.defaultTimeout,
            timeoutOverride: try options.pluginTimeoutOverride(),
            sendmailTimeout: try options.sendmailTimeout(),
            writer: EMLWriter(desk: address))
        notifier = try registry.notifier(for: choices)
    }

    /// Delivers the messages that are due at `instant` (the session's `now` by default); a failure
    /// is reported and left in the outbox for later.
    func deliver(at instant: Date? = nil) async {
        guard let notifier else { return }
        let report = await OutboxDispatcher(store: store, notifier: notifier).deliverDue(at: instant ?? now, limit: 1000)
        for failure in report.errors {
            Output.printError("formrunner: a message could not be delivered yet and stays in the outbox: \(failure.error)\n")
        }
    }
}

/// A refused or failed action: its message goes to standard error and the exit status is 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
