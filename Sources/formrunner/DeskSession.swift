import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify

/// Everything a ticket command needs, wired from the options: the catalog, the store, the desk,
/// the notifier and the time.
struct DeskSession {
    let catalog: Catalog
    let store: any TicketStore
    let desk: TicketDesk
    let notifier: (any Notifier)?
    let now: Date

    init(_ options: GlobalOptions) async throws {
        catalog = try CatalogSession.load(options)
        now = try options.instant()
        let location = try options.storeLocation()
        do {
            store = try await location.open(catalog: options.catalog)
        } catch {
            throw CommandFailure("cannot open the ticket store \(location.redacted): \(error)")
        }
        desk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(catalog: catalog))
        notifier = try Self.notifier(options.notifierSetting())
    }

    static func notifier(_ setting: String) throws -> (any Notifier)? {
        if setting == "none" { return nil }
        if setting == "console" { return ConsoleNotifier() }
        if setting.hasPrefix("maildir:") {
            return MaildirNotifier(root: URL(fileURLWithPath: String(setting.dropFirst("maildir:".count))))
        }
        throw ValidationError("unknown notifier '\(setting)'; use maildir:DIR, console or none")
    }

    /// Delivers the messages that are due; a failure is reported and left in the outbox for later.
    func deliver() async {
        guard let notifier else { return }
        let report = await OutboxDispatcher(store: store, notifier: notifier).deliverDue(at: now, limit: 1000)
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
