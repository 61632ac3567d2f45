import Foundation
import Testing

/// Replies, internal notes, macros and merges from the command line.
@Suite("Agent work on the command line")
struct AgentWorkCommandsTests {
    typealias Scratch = AgentCommandsTests.Scratch
    static let bia = "bia@desk.example"

    /// A desk with Bia in the financial team and ticket 1 filed in Portuguese.
    static func desk() throws -> Scratch {
        let desk = try Scratch()
        try desk.run(["users", "add", bia, "--name", "Bia Lima", "--role", "agent", "--team", "financial"])
        let created = try desk.run(AgentCommandsTests.financial + ["--lang", "pt", "--name", "Ana Souza"])
        #expect(created.status == 0, "\(created.stderr)")
        return desk
    }

    /// Every e-mail of the Maildir, quoted-printable undone.
    static func mails(_ desk: Scratch) throws -> [String] {
        let folder = desk.folder + "/mail/new"
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            let raw = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
            var bytes: [UInt8] = []
            var index = raw.utf8.startIndex
            let utf8 = raw.utf8
            while index < utf8.endIndex {
                let byte = utf8[index]
                if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
                   let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    index = end
                } else {
                    bytes.append(byte)
                    index = utf8.index(after: index)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test("a macro reply goes out in the requester's language; a note is only in the agents' view")
    func replyAndNote() throws {
        let desk = try Self.desk()
        let reply = try desk.run(["tickets", "reply", "1", "--macro", "invoice-second-copy"], user: Self.bia)
        #expect(reply.status == 0, "\(reply.stderr)")
        #expect(reply.stdout == "Ticket 1: reply sent to ana@example.com [Open]\n")
        let note = try desk.run(["tickets", "note", "1", "--message", "Fraud team flagged the card; do not refund."], user: Self.bia)
        #expect(note.stdout == "Ticket 1: internal note added (not sent to the requester)\n", "\(note.stderr)")
        #expect(try desk.run(["deliver"]).status == 0)

        let mails = try Self.mails(desk)
        let comment = try #require(mails.first { $0.contains("Nova mensagem no chamado #1") })
        #expect(comment.contains("Você mesmo pode baixar a segunda via de qualquer fatura"))
        #expect(comment.contains("Bia Lima"))
        #expect(!mails.contains { $0.contains("Fraud") })

        let agentView = try desk.run(["tickets", "show", "1", "--json"])
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(agentView.stdout.utf8)) as? [String: Any])
        let history = try #require(ticket["history"] as? [[String: Any]])
        let noted = try #require(history.last)
        #expect(noted["internal"] as? Bool == true && noted["person"] as? String == Self.bia && noted["event"] as? String == "note")
        #expect(history.dropLast().allSatisfy { $0["internal"] == nil })

        let requesterView = try desk.run(["tickets", "show", "1", "--json", "--as", "requester"])
        #expect(requesterView.status == 0)
        #expect(!requesterView.stdout.contains("Fraud") && !requesterView.stdout.contains("internal"))
        #expect(!requesterView.stdout.contains("\"assign\"") && !requesterView.stdout.contains(Self.bia))
        #expect(!requesterView.stdout.contains("\"sla\"") && !requesterView.stdout.contains("\"priority\""))
        #expect(requesterView.stdout.contains("segunda via"))
        #expect(try desk.run(["tickets", "show", "1"]).stdout.contains(
            "agent bia@desk.example  Internal note: Fraud team flagged the card; do not refund.\n"))
        #expect(!(try desk.run(["tickets", "show", "1", "--as", "requester"]).stdout.contains("Fraud")))
    }

    @Test("reply, note and merge refuse what they cannot do, with the reason")
    func refusals() throws {
        let desk = try Self.desk()
        let none = try desk.run(["tickets", "reply", "1"], user: Self.bia)
        #expect(none.status == 64)
        #expect(none.stderr.contains("Error: give the text with --message TEXT, --file PATH or --macro ID"), "\(none.stderr)")
        let two = try desk.run(["tickets", "note", "1", "--message", "a", "--macro", "ask-har"], user: Self.bia)
        #expect(two.status == 64)
        #expect(two.stderr.contains("Error: give only one of --message, --file and --macro"), "\(two.stderr)")
        let unknown = try desk.run(["tickets", "reply", "1", "--macro", "ask-harr"], user: Self.bia)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "formrunner: unknown macro 'ask-harr'; did you mean 'ask-har'?\n")
        let missing = try desk.run(["tickets", "note", "1", "--file", desk.folder + "/nope.txt"], user: Self.bia)
        #expect(missing.stderr == "formrunner: cannot read the file '\(desk.folder)/nope.txt'\n")
        let nobody = try desk.run(["tickets", "note", "1", "--message", "hello"])
        #expect(nobody.status == 1)
        #expect(nobody.stderr == "formrunner: ticket 1 belongs to team financial; name the agent who acts with --user EMAIL "
                + "(or FORMRUNNER_USER); add one with: formrunner users add EMAIL --name NAME --role agent --team financial\n")
        let itself = try desk.run(["tickets", "merge", "1", "--into", "1"], user: Self.bia)
        #expect(itself.stderr == "formrunner: ticket 1 cannot be merged into itself\n")
        #expect(try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], user: Self.bia).status == 0)
        let solved = try desk.run(["tickets", "reply", "1", "--message", "More"], user: Self.bia)
        #expect(solved.stderr == "formrunner: ticket 1 is Solved; a public reply can be sent only while a ticket is Open or Awaiting your reply\n")
    }

    @Test("a note from a file, and a merge: show tells where the ticket went")
    func noteFromFileAndMerge() throws {
        let desk = try Self.desk()
        let file = desk.folder + "/note.txt"
        try "Called Ana: she filed twice.\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try desk.run(["tickets", "note", "1", "--file", file], user: Self.bia).status == 0)
        let second = try desk.run(Array(AgentCommandsTests.financial.dropLast(4))
                                  + ["--set", "desired_day=12", "--set", "what_happened=The same request, sent again by mistake."])
        #expect(second.status == 0, "\(second.stderr)")
        let merged = try desk.run(["tickets", "merge", "2", "--into", "1"], user: Self.bia)
        #expect(merged.stdout == "Ticket 2 merged into ticket 1 [Closed]\n", "\(merged.stderr)")
        let shown = try desk.run(["tickets", "show", "2"]).stdout
        #expect(shown.contains("  Merged:    into ticket 1 (tickets show 1)\n"))
        #expect(shown.contains("merge  Open → Closed: merged into #1\n"))
        // Ticket 1 was filed in Portuguese: its statuses show in Portuguese.
        #expect(try desk.run(["tickets", "show", "1"]).stdout.contains("merged  Aberto → Aberto: #2 merged here\n"))
        let json = try desk.run(["tickets", "show", "2", "--json"]).stdout
        #expect(json.contains("\"merged_into\" : 1"))
        let again = try desk.run(["tickets", "transition", "2", "reply", "--as", "requester", "--message", "hi"])
        #expect(again.stderr == "formrunner: ticket 2 was merged into ticket 1; continue on ticket 1\n")
    }

    @Test("macros list shows each macro's label, in a language or as JSON")
    func macrosList() throws {
        let list = try CommandRunner.run(["macros", "list", "--lang", "es"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("ask-har              Pedir un archivo HAR\n"))
        let json = try CommandRunner.run(["macros", "list", "--json"])
        let macros = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(macros.count >= 4)
        #expect(macros.allSatisfy { ($0["languages"] as? [String]) == ["en", "es", "pt"] })
    }

    @Test("validate locates a macro's unknown variable and broken Mustache, and warns of a missing translation")
    func validateMacros() throws {
        let run = try CommandRunner.withCatalogCopy { catalog in
            try FileManager.default.copyItem(atPath: CommandRunner.repository + "/formrunner.yaml", toPath: catalog + "/formrunner.yaml")
            try """
                macros:
                  - id: greet
                    label: {en: Greet, pt: Saudar}
                    body:
                      en: |
                        Hello {{requester.nam}},
                        see {{ticket.title}}.
                      pt: "Olá {{#requester.name}}"
                """.write(toFile: catalog + "/Workflows/macros.yaml", atomically: true, encoding: .utf8)
            return try CommandRunner.run(["validate", "--catalog", catalog], in: catalog)
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("Workflows/macros.yaml:6:15: error: the 'en' body of macro 'greet' uses 'requester.nam', "
                                    + "which no macro is given; did you mean 'requester.name'?"), "\(run.stderr)")
        #expect(run.stderr.contains("Workflows/macros.yaml:8:") && run.stderr.contains(
            "error: the 'pt' body of macro 'greet' is not valid Mustache: "), "\(run.stderr)")
        #expect(run.stderr.contains("Workflows/macros.yaml:2:9: warning: the label of macro 'greet' has no es translation "
                                    + "(formrunner.yaml declares languages: en, pt, es)"), "\(run.stderr)")
        #expect(run.stderr.contains("warning: the body of macro 'greet' has no es translation"), "\(run.stderr)")
    }
}
