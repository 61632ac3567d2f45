import Foundation
import Testing

/// `formrunner desk` in a real terminal (tmux): the queue, a ticket, reply and note in $EDITOR,
/// solve, take, next.
@Suite("formrunner desk under tmux", .serialized)
struct DeskTerminalTests {
    static let bia = "bia@desk.example"

    @Test("an agent opens the first ticket of the queue, replies and notes in the editor, solves it, goes to the next, takes it and gives it to a colleague")
    func workTheQueue() async throws {
        let desk = try AgentCommandsTests.Scratch()
        try desk.run(["users", "add", Self.bia, "--name", "Bia Lima", "--role", "agent", "--team", "financial"])
        try desk.run(["users", "add", "caio@desk.example", "--name", "Caio Reis", "--role", "agent", "--team", "financial"])
        #expect(try desk.run(AgentCommandsTests.financial).status == 0)
        #expect(try desk.run(Array(AgentCommandsTests.financial.dropLast(4))
                             + ["--set", "desired_day=15", "--set", "what_happened=Please move our invoices to the 15th."]).status == 0)
        let editor = desk.folder + "/editor.sh"
        try "#!/bin/sh\nprintf 'Written in the editor by Bia.\\n' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let environment = ["FORMRUNNER_STORE": "sqlite:\(desk.folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(desk.folder)/mail",
                           "FORMRUNNER_NOW": "2026-12-04T17:00:00-03:00", "FORMRUNNER_USER": Self.bia, "EDITOR": editor,
                           "VISUAL": "", "NO_COLOR": "1"]
        let tmux = try TmuxSession(["desk"], environment: environment, folder: desk.folder)
        defer { tmux.close() }
        try await tmux.waitFor("Queue — 2 ticket(s)")
        try await tmux.waitFor("› ")
        try tmux.press("Enter")
        try await tmux.waitFor("Ticket 1: Change monthly invoice expiration date")
        try tmux.type("r")
        try await tmux.waitFor("› Write your own reply in the editor")
        try tmux.press("Enter")
        try await tmux.waitFor("Ticket 1: reply sent to ana@example.com")
        try tmux.type("n")
        try await tmux.waitFor("Ticket 1: internal note added (not sent to the requester)")
        try await tmux.waitFor("Internal note: Written in the editor by Bia.")
        try tmux.type("s")
        try await tmux.waitFor("Ticket 1: Solved")
        try tmux.press("Tab")
        try await tmux.waitFor("Ticket 2: Change monthly invoice expiration date")
        try tmux.type("t")
        try await tmux.waitFor("Ticket 2 assigned to bia@desk.example")
        try tmux.type("t")
        try await tmux.waitFor("Refused: ticket 2 is already assigned to bia@desk.example")
        try tmux.type("a")
        try await tmux.waitFor("Assign ticket 2 to (e-mail): ")
        try tmux.type("caio@desk.example", enter: true)
        try await tmux.waitFor("Ticket 2 assigned to caio@desk.example")
        try tmux.press("Escape")
        try await tmux.waitFor("Queue — 2 ticket(s)")   // a solved ticket stays until it closes
        try tmux.type("q")
        #expect(try await tmux.waitForExit() == 0)

        let shown = try desk.run(["tickets", "show", "1", "--json"])
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let history = try #require(ticket["history"] as? [[String: Any]])
        #expect(history.map { "\($0["event"] as? String ?? "") \($0["person"] as? String ?? "-") \($0["internal"] as? Bool ?? false)" }
                .suffix(3) == ["comment bia@desk.example false", "note bia@desk.example true", "solve bia@desk.example false"])
        #expect(ticket["status"] as? String == "solved")
    }

    @Test("the reply action offers the canned replies in the requester's language; the chosen one opens in the editor and is sent")
    func cannedReply() async throws {
        let desk = try AgentCommandsTests.Scratch()
        try desk.run(["users", "add", Self.bia, "--name", "Bia Lima", "--role", "agent", "--team", "financial"])
        #expect(try desk.run(AgentCommandsTests.financial + ["--lang", "pt", "--name", "Ana Souza"]).status == 0)
        // The editor keeps what it is given: the macro goes out as rendered.
        let editor = desk.folder + "/editor.sh"
        try "#!/bin/sh\nexit 0\n".write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let environment = ["FORMRUNNER_STORE": "sqlite:\(desk.folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(desk.folder)/mail",
                           "FORMRUNNER_NOW": "2026-12-04T17:00:00-03:00", "FORMRUNNER_USER": Self.bia, "EDITOR": editor,
                           "VISUAL": "", "NO_COLOR": "1"]
        let tmux = try TmuxSession(["desk"], environment: environment, folder: desk.folder)
        defer { tmux.close() }
        try await tmux.waitFor("Queue — 1 ticket(s)")
        try tmux.press("Enter")
        try await tmux.waitFor("Ticket 1: Change monthly invoice expiration date")
        try tmux.type("r")
        try await tmux.waitFor("Reply to ticket #1 — a canned reply in the requester's language (pt)")
        try await tmux.waitFor("Segunda via de fatura")
        try await tmux.waitFor("Pedir um arquivo HAR")
        try tmux.press("Escape")
        try await tmux.waitFor("Reply cancelled")
        try tmux.type("r")
        try await tmux.waitFor("› Write your own reply in the editor")
        try tmux.press("Down")
        try await tmux.waitFor("› ask-har")
        try tmux.press("Down")
        try await tmux.waitFor("› invoice-second-copy")
        try tmux.press("Enter")
        try await tmux.waitFor("Ticket 1: reply sent to ana@example.com (macro invoice-second-copy)")
        try tmux.type("q")
        #expect(try await tmux.waitForExit() == 0)

        let shown = try desk.run(["tickets", "show", "1", "--json"])
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let history = try #require(ticket["history"] as? [[String: Any]])
        #expect(history.filter { $0["event"] as? String == "comment" }.count == 1)
        let reply = try #require(history.last)
        #expect(reply["event"] as? String == "comment" && reply["person"] as? String == Self.bia)
        let text = try #require(reply["message"] as? String)
        #expect(text.hasPrefix("Você mesmo pode baixar a segunda via de qualquer fatura"))
        #expect(text.hasSuffix("Bia Lima"))
        let mails = try AgentWorkCommandsTests.mails(desk)
        #expect(mails.contains { $0.contains("Nova mensagem no chamado #1") && $0.contains("Você mesmo pode baixar a segunda via") })
    }

    @Test("without a terminal, desk says what to use instead")
    func noTerminal() throws {
        let run = try CommandRunner.run(["desk"], environment: ["FORMRUNNER_STORE": "memory:"])
        #expect(run.status == 1)
        #expect(run.stderr == "formrunner: formrunner desk needs a terminal; in scripts use formrunner queue and tickets reply|note|transition|take\n")
    }
}
