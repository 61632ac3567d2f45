import ArgumentParser
import Foundation
import FormrunnerCore

extension Knowledge {
    /// `knowledge stats [--from DAY] [--to DAY] [--json]`: how often the assistant answered.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "How often the assistant's articles answered the question (deflection), and the articles that did not.",
            discussion: """
                Counts the assistant sessions started in the period (every session, by default): answered \
                ("My question is answered": no ticket), handed off to a person, abandoned (left without either \
                and no longer resumable: 7 days after its last step, when its draft expires) and in progress. \
                The deflection rate is answered / (answered + handed off + abandoned). A day given to --to \
                counts as a whole (up to the next day); instants are UTC.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The first day (YYYY-MM-DD) or instant (ISO-8601) of the period.", valueName: "day"))
        var from: String?
        @Option(help: ArgumentHelp("The last day (YYYY-MM-DD, included) or the instant the period ends before.", valueName: "day"))
        var to: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func validate() throws {
            let period = try Self.period(from: from, to: to)
            if let start = period.from, let end = period.to, end <= start {
                throw ValidationError("--to must be later than --from")
            }
        }

        func run() async throws {
            let period = try Self.period(from: from, to: to)
            let session = try await DeskSession(global, delivering: false)
            guard let sessions = session.desk.assistantSessions else {
                throw CommandFailure("the ticket store keeps no assistant sessions")
            }
            let found = try await sessions.assistantSessions(from: period.from, to: period.to)
            await session.desk.close()
            let stats = AssistantStats(found, at: session.now)
            if json { return Output.print(try Output.json(stats) + "\n") }
            Output.print(Self.text(stats, from: period.from, to: period.to, titles: try? session.desk.knowledge()))
        }

        /// The period's ends: a day starts at 00:00 UTC; a day given to --to ends the period the next day.
        static func period(from: String?, to: String?) throws -> (from: Date?, to: Date?) {
            func parse(_ text: String, option: String, wholeDay: Bool) throws -> Date {
                if let day = Self.day(text) { return wholeDay ? day.addingTimeInterval(24 * 3600) : day }
                let formatter = ISO8601DateFormatter()
                if let instant = formatter.date(from: text) { return instant }
                formatter.formatOptions.insert(.withFractionalSeconds)
                if let instant = formatter.date(from: text) { return instant }
                throw ValidationError("\(option) must be a day (YYYY-MM-DD) or an ISO-8601 instant (2026-12-03T09:00:00Z), not '\(text)'")
            }
            return (try from.map { try parse($0, option: "--from", wholeDay: false) },
                    try to.map { try parse($0, option: "--to", wholeDay: true) })
        }

        private static func day(_ text: String) -> Date? {
            guard text.count == 10 else { return nil }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.date(from: text)
        }
    }
}
