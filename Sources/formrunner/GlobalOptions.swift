import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog root, holding Forms/ and Workflows/.", valueName: "dir"))
    var catalog: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "Where tickets are kept: sqlite:PATH, a path, memory: or postgres://USER@HOST:PORT/DB (env FORMRUNNER_STORE; then formrunner.yaml; default DIR/.formrunner/tickets.sqlite).",
        valueName: "url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "The tickets' time, ISO-8601 (env FORMRUNNER_NOW; default: the clock). For tests and replays; sign-in, codes and sessions always follow the real clock.",
        valueName: "instant"))
    var now: String?

    @Option(name: .long, help: ArgumentHelp(
        "How messages are delivered: maildir:DIR, sendmail:COMMAND (e.g. 'sendmail:/usr/sbin/sendmail -t -i'; time limit env FORMRUNNER_SENDMAIL_TIMEOUT, default 30 s), console, none or plugin:NAME (env FORMRUNNER_NOTIFIER; then formrunner.yaml; default maildir:DIR/.formrunner/mail).",
        valueName: "notifier"))
    var notifier: String?

    @Option(name: .customLong("desk-address"), help: ArgumentHelp(
        "The desk's e-mail address: From of every message, and Reply-To with +ticket-N (env FORMRUNNER_DESK_ADDRESS; default 'Support <support@formrunner.local>').",
        valueName: "address"))
    var deskAddress: String?

    /// The raw settings for ``Desk/open(_:)``: these flags, with the process's environment behind them.
    var settings: DeskSettings {
        DeskSettings(catalog: catalog, store: store, now: now, notifier: notifier, deskAddress: deskAddress)
    }
}
