import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerSQLite

/// Everything a ticket command needs, wired from the options: the catalog, the store, the desk,
/// the notifier and the time.
struct DeskSession {
    let catalog: Catalog
    let store: any TicketStore
    let desk: TicketDesk
    let notifier: (any Notifier)?
    let now: Date

    init(_ options: GlobalOptions) throws {
        catalog = try CatalogSession.load(options)
        now = try options.instant()
        let location = try options.storeLocation()
        do {
            store = try location.open()
        } catch {
            throw CommandFailure("cannot open the ticket store \(location): \(error)")
        }
        // The desk address's display name is also `desk.name` in templates: one place for both.
        let address = try options.desk()
        desk = TicketDesk(catalog: catalog, store: store,
                          composer: TemplateComposer(catalog: catalog, deskName: address.name.isEmpty ? "Support" : address.name))
        notifier = try Self.notifier(options.notifierSetting(), writer: EMLWriter(desk: address),
                                     sendmailTimeout: try options.sendmailTimeout())
    }

    static func notifier(_ setting: String, writer: EMLWriter, sendmailTimeout: TimeInterval) throws -> (any Notifier)? {
        if setting == "none" { return nil }
        if setting == "console" { return ConsoleNotifier() }
        if setting.hasPrefix("maildir:") {
            return MaildirNotifier(root: URL(fileURLWithPath: String(setting.dropFirst("maildir:".count))), writer: writer)
        }
        if setting.hasPrefix("sendmail:") {
            do {
                return try SendmailNotifier(commandLine: String(setting.dropFirst("sendmail:".count)),
                                            timeout: sendmailTimeout, writer: writer)
            } catch {
                throw ValidationError("notifier '\(setting)': \(error); write it as sendmail:COMMAND, e.g. 'sendmail:/usr/sbin/sendmail -t -i'")
            }
        }
        throw ValidationError("unknown notifier '\(setting)'; use maildir:DIR, sendmail:COMMAND, console or none")
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
