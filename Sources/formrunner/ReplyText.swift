import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify

/// `--message TEXT | --file PATH | --macro ID`: the text of an agent's reply or note.
struct ReplyText: ParsableArguments {
    @Option(help: "The text.") var message: String?
    @Option(help: ArgumentHelp("A UTF-8 file holding the text ('-' reads standard input).", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("A canned reply of Workflows/macros.yaml, rendered in the ticket's language (formrunner macros list).",
                               valueName: "id"))
    var macro: String?

    func validate() throws {
        let given = [message, file, macro].compactMap { $0 }.count
        guard given == 1 else {
            throw ValidationError(given == 0 ? "give the text with --message TEXT, --file PATH or --macro ID"
                                  : "give only one of --message, --file and --macro")
        }
    }

    /// The text for `ticket`, written by the agent `agent` (their name from the directory, for macros).
    func text(for ticket: Ticket, agent: String?, session: DeskSession) async throws -> String {
        if let message { return message }
        if let file { return try Self.read(file) }
        guard let macro else { return "" }
        return try await Self.render(macro: macro, for: ticket, agent: agent, session: session)
    }

    /// Macro `id` rendered for `ticket` in its language, signed by the agent `agent` (their name from
    /// the directory).
    static func render(macro id: String, for ticket: Ticket, agent: String?, session: DeskSession) async throws -> String {
        var name: String?
        if let agent { name = try await session.desk.identity().directory.user(email: UserRecord.normalizedEmail(agent))?.name }
        do {
            return try MacroRenderer(renderer: session.renderer).render(id, ticket: ticket, agentName: name, agentEmail: agent)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The UTF-8 text of `path`, or of standard input for `-`.
    static func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw CommandFailure("cannot read the file '\(path)'") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("'\(path)' is not UTF-8 text") }
        return text
    }
}
