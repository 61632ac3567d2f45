import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify

/// `formrunner mail …`: e-mail in.
struct Mail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Handle e-mail sent to the desk.",
        subcommands: [Ingest.self]
    )
}

extension Mail {
    /// `mail ingest [PATH...]`: records e-mail replies on their tickets.
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Record e-mail replies on their tickets, from .eml files, Maildir folders or standard input (-).",
            discussion: """
            Each message is matched to its ticket by a support+ticket-N recipient, then our Message-IDs in \
            In-Reply-To/References, then [#N] or 'Ticket #N' in the subject. Its sender must be the ticket's \
            requester. The reply (quoted text and signature removed) fires the requester's reply event; the \
            message and its attachments are kept as evidence. In a Maildir, processed messages move to cur/ \
            with the S flag; unmatched ones stay in new/ (or move to --unmatched). Exits 1 if any message \
            was refused or left unmatched, 75 (try again later) if the ticket store failed. For an MTA \
            pipe: formrunner mail ingest -
            """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("An .eml file, a Maildir folder, or - for standard input.", valueName: "path"))
        var paths: [String] = []
        @Option(help: ArgumentHelp("A Maildir to move messages no ticket matched into (default: leave them in place).",
                                   valueName: "dir"))
        var unmatched: String?
        @Option(name: .customLong("max-size"), help: ArgumentHelp(
            "The largest message read, in bytes (default 67108864: 64 MB); a larger one is refused unread.", valueName: "bytes"))
        var maxSize: Int = 64 << 20

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give an .eml file, a Maildir folder, or - for standard input") }
            if maxSize < 1 { throw ValidationError("--max-size must be a positive number of bytes, got \(maxSize)") }
        }

        func run() async throws {
            let session: DeskSession
            do {
                session = try await DeskSession(global, delivering: true)
            } catch let setting as DeskSettingError where setting.isStoreUnavailable {
                // EX_TEMPFAIL: the mail server keeps the message and tries again; no message was read.
                Output.printError("formrunner: \(setting.description.terminalSafe); no message was read, try again later\n")
                throw ExitCode(75)
            }
            let ingester = MailIngester(desk: session.tickets, address: session.address)
            var problems = 0, transient = 0, total = 0
            for path in paths {
                for item in try MailSource.items(at: path, limit: maxSize) {
                    total += 1
                    let outcome: IngestOutcome
                    if let message = item.message, !item.oversize {
                        outcome = await ingester.ingest(message, data: item.data, at: session.now)
                    } else {
                        outcome = .refused("the message is larger than \(FileLimits.describe(size: Int64(maxSize))) (--max-size); it was not read")
                    }
                    let fate = try item.settle(outcome, unmatchedFolder: unmatched)
                    switch outcome {
                    case .failed: transient += 1
                    case .unmatched where unmatched != nil: break
                    default: if outcome.isProblem { problems += 1 }
                    }
                    Output.print(line(for: outcome, item: item, fate: fate, session: session) + "\n")
                }
            }
            await session.deliver()
            if transient > 0 {
                // EX_TEMPFAIL: a mail server piping the message in keeps it and tries again later.
                Output.printError("formrunner: \(transient + problems) of \(total) message(s) not recorded; \(transient) can be retried\n")
                throw ExitCode(75)
            }
            if problems > 0 {
                throw CommandFailure("\(problems) of \(total) message(s) not recorded")
            }
        }

        private func line(for outcome: IngestOutcome, item: MailSource.Item, fate: String?, session: DeskSession) -> String {
            let suffix = fate.map { "; " + $0 } ?? ""
            switch outcome {
            case .recorded(let number, let from, let to):
                return "ticket \(number): reply recorded, \(session.label(status: from)) → \(session.label(status: to))"
            case .alreadyRecorded(let number):
                return "ticket \(number): \(item.name) was already recorded; nothing done\(suffix)"
            case .refused(let reason):
                return "message \(item.name): refused: \(reason)\(suffix)"
            case .unmatched(let reason):
                return "message \(item.name): not matched: \(reason)\(suffix)"
            case .failed(let reason):
                return "message \(item.name): not processed, try again later: \(reason)\(suffix)"
            }
        }
    }
}
