import Foundation
import Testing

/// `formrunner mail ingest` and the sendmail notifier, through the real binary.
@Suite("formrunner mail ingest and e-mail out")
struct MailCommandTests {
    /// A throwaway desk `support@desk.example`: its database, outgoing Maildir and inbox Maildir.
    final class Desk: Sendable {
        let folder = NSTemporaryDirectory() + "formrunner-mail-" + UUID().uuidString
        var environment: [String: String] {
            ["FORMRUNNER_STORE": "sqlite:\(folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(folder)/sent",
             "FORMRUNNER_DESK_ADDRESS": "Acme Support <support@desk.example>"]
        }
        var inbox: String { folder + "/inbox" }

        init() throws {
            for sub in ["new", "cur", "tmp"] {
                try FileManager.default.createDirectory(atPath: folder + "/inbox/" + sub, withIntermediateDirectories: true)
            }
            try TicketCommandsTests.Desk.intakeAnswers.write(toFile: folder + "/answers.yaml", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        @discardableResult
        func run(_ arguments: [String], at now: String = "2026-11-25T12:00:00-03:00", input: String? = nil,
                 environment extra: [String: String] = [:]) throws -> CommandRunner.Run {
            try CommandRunner.run(arguments + ["--now", now], environment: environment.merging(extra) { $1 }, input: input)
        }

        func create() throws {
            let run = try run(["tickets", "create", "--form", "technical.intake", "--answers", folder + "/answers.yaml",
                               "--requester", "ana@example.com", "--name", "Ana Souza"], at: "2026-11-25T10:00:00-03:00")
            #expect(run.status == 0)
        }

        /// The sent e-mails, oldest first.
        func sent() throws -> [String] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/sent/new").sorted()
            return try names.map { try String(contentsOfFile: folder + "/sent/new/" + $0, encoding: .utf8) }
        }

        /// Puts a message into the inbox's new/.
        func deliver(_ text: String, named name: String) throws {
            try crlf(text).write(toFile: inbox + "/new/" + name, atomically: true, encoding: .utf8)
        }

        func files(_ sub: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: inbox + "/" + sub)) ?? []).sorted()
        }
    }

    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n")
    }

    static func reply(from: String = "Ana Souza <ana@example.com>", to: String = "support+ticket-1@desk.example",
                      id: String, subject: String = "Re: [Acme Support] Ticket #1 created", body: String,
                      inReplyTo: String = "<ticket-1@desk.example>") -> String {
        """
        From: \(from)
        To: \(to)
        Subject: \(subject)
        Message-ID: \(id)
        In-Reply-To: \(inReplyTo)
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(body)
        """
    }

    @Test("every sent message carries the desk's From, a +ticket Reply-To and threading on the confirmation")
    func headersOut() throws {
        let desk = try Desk()
        try desk.create()
        try desk.run(["tickets", "transition", "1", "ask", "--as", "agent", "--message", "Which store?"])
        let sent = try desk.sent()
        #expect(sent.count == 2)
        let confirmation = sent[0].components(separatedBy: "\r\n\r\n")[0]
        #expect(confirmation.contains("\r\nFrom: Acme Support <support@desk.example>\r\n"))
        #expect(confirmation.contains("\r\nReply-To: Acme Support <support+ticket-1@desk.example>\r\n"))
        #expect(confirmation.contains("\r\nMessage-ID: <ticket-1@desk.example>\r\n"))
        #expect(!confirmation.contains("In-Reply-To"))
        let question = sent[1].components(separatedBy: "\r\n\r\n")[0]
        #expect(question.contains("\r\nIn-Reply-To: <ticket-1@desk.example>\r\nReferences: <ticket-1@desk.example>\r\n"))
        #expect(question.range(of: "\r\nMessage-ID: <ticket-1\\.[0-9a-f-]+@desk\\.example>\r\n", options: .regularExpression) != nil)
    }

    @Test("a Maildir: replies recorded and marked seen; a second ingest does nothing")
    func maildir() throws {
        let desk = try Desk()
        try desk.create()
        try desk.deliver(Self.reply(id: "<r1@example.com>", body: "It fails on checkout.\n\nOn Wed, Acme Support wrote:\n> Created"),
                         named: "1764079200.r1.mx")
        let run = try desk.run(["mail", "ingest", desk.inbox])
        #expect(run.stdout == "ticket 1: reply recorded, Open → Open\n")
        #expect(run.stderr == "" && run.status == 0)
        #expect(desk.files("new").isEmpty)
        #expect(desk.files("cur") == ["1764079200.r1.mx:2,S"])
        let again = try desk.run(["mail", "ingest", desk.inbox])
        #expect(again.stdout == "" && again.status == 0)
        let shown = try desk.run(["tickets", "show", "1"]).stdout
        #expect(shown.contains("requester  reply  Open → Open: It fails on checkout.\n"))
        #expect(shown.contains("E-mail evidence:\n  r1%40example%2Ecom.eml (message/rfc822, "))
    }

    @Test("standard input as an MTA pipe: a reply reopens a Solved ticket; the same message again is not recorded twice")
    func standardInput() throws {
        let desk = try Desk()
        try desk.create()
        try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T11:00:00-03:00")
        let message = Self.crlf(Self.reply(id: "<pipe-1@example.com>", body: "Still broken.\n-- \nAna"))
        let run = try desk.run(["mail", "ingest", "-"], input: message)
        #expect(run.stdout == "ticket 1: reply recorded, Solved → Open\n")
        #expect(run.status == 0)
        let again = try desk.run(["mail", "ingest", "-"], input: message)
        #expect(again.stdout == "ticket 1: <pipe-1@example.com> was already recorded; nothing done\n")
        #expect(again.status == 0)
    }

    @Test("the README's mail-server pipe, global options before `mail ingest`, records the reply")
    func pipeWithLeadingOptions() throws {
        let desk = try Desk()
        try desk.create()
        let message = Self.crlf(Self.reply(id: "<pipe-2@example.com>", body: "Here is the HAR file you asked for."))
        let run = try desk.run(["--catalog", CommandRunner.repository, "--desk-address", "Acme Support <support@desk.example>",
                                "--store", "sqlite:\(desk.folder)/tickets.sqlite", "mail", "ingest", "-"], input: message)
        #expect(run.stderr == "")
        #expect(run.stdout == "ticket 1: reply recorded, Open → Open\n")
        #expect(run.status == 0)
    }

    @Test("forged, unknown and unmatched messages: refused with the reason, left in place or moved, exit 1")
    func refusals() throws {
        let desk = try Desk()
        try desk.create()
        let forged = desk.folder + "/forged.eml"
        try Self.crlf(Self.reply(from: "mallory@evil.example", id: "<f1@evil.example>", body: "Close it")).write(
            toFile: forged, atomically: true, encoding: .utf8)
        let run = try desk.run(["mail", "ingest", forged])
        #expect(run.stdout == "message <f1@evil.example>: refused: the sender mallory@evil.example is not the requester of ticket 1\n")
        #expect(run.stderr == "formrunner: 1 of 1 message(s) not recorded\n")
        #expect(run.status == 1)

        try desk.deliver(Self.reply(to: "support+ticket-77@desk.example", id: "<u1@example.com>", body: "Hi",
                                    inReplyTo: "<x@y>"), named: "1.u1.mx")
        try desk.deliver(Self.reply(to: "support@desk.example", id: "<n1@example.com>", subject: "Hello", body: "Hi",
                                    inReplyTo: "<x@y>"), named: "2.n1.mx")
        let mixed = try desk.run(["mail", "ingest", desk.inbox])
        #expect(mixed.stdout == """
            message <u1@example.com>: refused: ticket 77 does not exist
            message <n1@example.com>: not matched: no ticket found: no support+ticket-N address, no reference to a message of ours, no [#N] in the subject; left in place

            """)
        #expect(mixed.stderr == "formrunner: 2 of 2 message(s) not recorded\n")
        #expect(desk.files("new") == ["2.n1.mx"])
        #expect(desk.files("cur") == ["1.u1.mx:2,S"])
        let moved = try desk.run(["mail", "ingest", desk.inbox, "--unmatched", desk.folder + "/unmatched"])
        #expect(moved.stdout.hasSuffix("; moved to \(desk.folder)/unmatched\n"))
        #expect(moved.status == 0, "kept for a person to look at: not an error")
        #expect(desk.files("new").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.folder + "/unmatched/new") == ["2.n1.mx"])
    }

    @Test("a reply to a Closed ticket is refused and answered with an e-mail on how to open a new one")
    func closedTicket() throws {
        let desk = try Desk()
        try desk.create()
        try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T13:00:00-03:00")
        try desk.run(["tick"], at: "2026-12-01T10:00:00-03:00")
        let run = try desk.run(["mail", "ingest", "-"], at: "2026-12-01T11:00:00-03:00",
                               input: Self.crlf(Self.reply(id: "<late@example.com>", body: "Broken again")))
        #expect(run.stdout == "message <late@example.com>: refused: ticket 1 is Closed; closed tickets cannot be reopened or changed — open a new ticket\n")
        #expect(run.status == 1)
        let last = try #require(try desk.sent().last)
        #expect(last.contains("\r\nSubject: [Acme Support] Ticket #1 is closed and cannot be reopened\r\n"))
        #expect(last.contains("\r\nIn-Reply-To: <ticket-1@desk.example>\r\n"))
        #expect(last.contains("please open a new ticket and mention ticket #1 in it."))
    }

    @Test("usage and input errors have exact messages")
    func errors() throws {
        let desk = try Desk()
        let none = try desk.run(["mail", "ingest"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("Error: give an .eml file, a Maildir folder, or - for standard input\n"))
        let missing = try desk.run(["mail", "ingest", desk.folder + "/nope.eml"])
        #expect(missing.stderr == "formrunner: \(desk.folder)/nope.eml: no such file or folder\n")
        #expect(missing.status == 1)
        let plainFolder = try desk.run(["mail", "ingest", desk.folder])
        #expect(plainFolder.stderr == "formrunner: \(desk.folder) is a folder but not a Maildir (it has neither new/ nor cur/)\n")
        let zero = try desk.run(["mail", "ingest", "-", "--max-size", "0"])
        #expect(zero.stderr.hasPrefix("Error: --max-size must be a positive number of bytes, got 0\n"))
        try desk.deliver(Self.reply(id: "<big@example.com>", body: String(repeating: "x", count: 2000)), named: "9.big.mx")
        let big = try desk.run(["mail", "ingest", desk.inbox, "--max-size", "1024"])
        #expect(big.stdout == "message \(desk.inbox)/new/9.big.mx: refused: the message is larger than 1 KB (--max-size); it was not read\n")
        #expect(big.status == 1)
        #expect(desk.files("cur") == ["9.big.mx:2,S"])
        let bigInput = try desk.run(["mail", "ingest", "-", "--max-size", "10"], input: "From: a@b.io\r\n\r\nhello world")
        #expect(bigInput.stdout == "message (standard input): refused: the message is larger than 10 bytes (--max-size); it was not read\n")
        let badDesk = try desk.run(["mail", "ingest", "-"], environment: ["FORMRUNNER_DESK_ADDRESS": "support+x@desk.example"])
        #expect(badDesk.status == 64)
        #expect(badDesk.stderr.hasPrefix("Error: the desk address 'support+x@desk.example' must not contain '+' before the '@': formrunner adds '+ticket-N' there\n"))
        let badNotifier = try desk.run(["tickets", "list"], environment: ["FORMRUNNER_NOTIFIER": "sendmail:'/usr/sbin/sendmail -t"])
        #expect(badNotifier.stderr.hasPrefix("Error: notifier 'sendmail:'/usr/sbin/sendmail -t': a ' quote is not closed; write it as sendmail:COMMAND, e.g. 'sendmail:/usr/sbin/sendmail -t -i'\n"))
        let unknown = try desk.run(["tickets", "list"], environment: ["FORMRUNNER_NOTIFIER": "smtp:x"])
        #expect(unknown.stderr.hasPrefix("Error: unknown notifier 'smtp:x'; use maildir:DIR, sendmail:COMMAND, console, none or plugin:NAME\n"))
        let timeout = try desk.run(["tickets", "list"], environment: ["FORMRUNNER_SENDMAIL_TIMEOUT": "soon"])
        #expect(timeout.stderr.hasPrefix("Error: FORMRUNNER_SENDMAIL_TIMEOUT is 'soon'; give a positive number of seconds such as 30\n"))
    }

    @Test("the sendmail notifier from the command line: a real script gets each message; a failure stays in the outbox")
    func sendmail() throws {
        let desk = try Desk()
        let script = desk.folder + "/fake-sendmail"
        try "#!/bin/sh\n[ -f \(desk.folder)/down ] && { echo 'relay down' >&2; exit 75; }\ncat > \(desk.folder)/out-$$.eml\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let notifier = ["FORMRUNNER_NOTIFIER": "sendmail:\(script) -t -i"]
        try "".write(toFile: desk.folder + "/down", atomically: true, encoding: .utf8)
        let failing = try desk.run(["tickets", "create", "--form", "technical.intake", "--answers", desk.folder + "/answers.yaml",
                                    "--requester", "ana@example.com"], environment: notifier)
        #expect(failing.status == 0)
        #expect(failing.stderr == "formrunner: a message could not be delivered yet and stays in the outbox: sendmail: '\(script) -t -i' exited with status 75: relay down (attempt 1 of 12)\n")
        try FileManager.default.removeItem(atPath: desk.folder + "/down")
        let retry = try desk.run(["deliver"], at: "2026-11-25T13:00:00-03:00", environment: notifier)
        #expect(retry.status == 0 && retry.stderr == "")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: desk.folder).filter { $0.hasPrefix("out-") }
        #expect(outputs.count == 1)
        let text = try String(contentsOfFile: desk.folder + "/" + outputs[0], encoding: .utf8)
        #expect(text.contains("\r\nTo: ana@example.com\r\n"))
        #expect(text.contains("\r\nMessage-ID: <ticket-1@desk.example>\r\n"))
    }
}
