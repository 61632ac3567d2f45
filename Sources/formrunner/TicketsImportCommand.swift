import ArgumentParser
import Foundation
import FormrunnerCore

extension Tickets {
    /// `tickets import FILE.jsonl`: tickets from another system, one JSON object a line.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import tickets from a JSON Lines file (one ticket a line), e.g. from another help desk.",
            discussion: """
            Each line is one JSON object: form, requester and answers as for `tickets create` (with name, account, \
            workflow, language), and optionally status, created_at, updated_at, history (lines of at, actor, event, \
            from, to, message, person, internal), priority, team, assignee and external_id. Every line is checked like \
            `tickets create` and every bad line is reported as FILE:LINE: message. Nothing is written when a line is \
            bad, unless --skip-invalid (then the good lines are written and the exit status is 2). Tickets are written \
            in batches, with their history, timers and search words; no e-mail is sent. A line already imported (the \
            same external_id, or without one the same form, requester, answers and created_at) is skipped, so an \
            interrupted import is run again as it is. Exit status: 0 all imported, 1 nothing imported, 2 some lines skipped.
            """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The JSON Lines file.", valueName: "file")) var file: String
        @Flag(help: "Write the valid lines even when some are bad (they are reported; the exit status is 2).") var skipInvalid = false
        @Flag(help: "Check every line and write nothing.") var dryRun = false
        @Option(help: "Tickets written per transaction.") var batchSize = 1000

        func validate() throws {
            guard (1...10_000).contains(batchSize) else { throw ValidationError("--batch-size must be between 1 and 10000") }
        }

        func run() async throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw CommandFailure("cannot read '\(file)'") }
            let session = try await DeskSession(global, delivering: false)
            var importer = TicketImporter(checker: try await TicketImportChecker(desk: session.tickets, now: session.now))
            importer.batchSize = batchSize
            importer.skipInvalid = skipInvalid
            importer.dryRun = dryRun
            let summary: TicketImporter.Summary
            do {
                summary = try await importer.run(URL(fileURLWithPath: file), store: session.desk.store) { line, problems in
                    for problem in problems { Output.printError("\(file):\(line): \(problem.message)".terminalSafe + "\n") }
                }
            } catch let interrupted as TicketImporter.Interrupted {
                throw CommandFailure(interrupted.description)
            }
            let valid = summary.lines - summary.invalid
            if summary.invalid > 0, !skipInvalid || dryRun {
                throw CommandFailure("\(summary.invalid) of \(summary.lines) line(s) are not valid; nothing was imported "
                                     + "(fix them, or import the \(valid) valid line(s) with --skip-invalid)")
            }
            if dryRun {
                Output.print("\(file): \(summary.lines) line(s), all valid; nothing was written (--dry-run)\n")
                return
            }
            let already = summary.alreadyImported > 0 ? "; \(summary.alreadyImported) already imported, skipped" : ""
            Output.print("Imported \(summary.imported) ticket(s) from \(file)\(already)\n")
            if summary.invalid > 0 {
                Output.printError("formrunner: \(summary.invalid) of \(summary.lines) line(s) are not valid and were skipped\n")
                throw ExitCode(2)
            }
        }
    }
}
