import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Sendmail notifier")
struct SendmailNotifierTests {
    /// Writes an executable shell script `name` into `folder`.
    func script(_ name: String, _ body: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    @Test("a command that succeeds gets the message on stdin, with its arguments; it parses back with threading")
    func delivers() async throws {
        try await Sample.withTemporaryFolder { folder in
            let saved = folder.appendingPathComponent("saved.eml").path
            let sendmail = try script("sendmail", "printf '%s\\n' \"$@\" > '\(saved).args'; cat > '\(saved)'", in: folder)
            let desk = try DeskAddress(parsing: "Help <help@desk.example>")
            let notifier = try SendmailNotifier(commandLine: "'\(sendmail)' -t -i", writer: EMLWriter(desk: desk))
            #expect(notifier.name == "sendmail")
            let message = Sample.message(id: "m-7", subject: "Solicitação nº 12")
            try await notifier.deliver(message)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: saved))
            #expect(bytes == EMLWriter(desk: desk).data(for: message))
            #expect(try String(contentsOfFile: saved + ".args", encoding: .utf8) == "-t\n-i\n")
            let parsed = InboundMessage(data: bytes)
            #expect(parsed.subject == "Solicitação nº 12")
            #expect(parsed.messageID == "<ticket-12.m-7@desk.example>")
            #expect(parsed.headers["In-Reply-To"] == "<ticket-12@desk.example>")
            #expect(parsed.headers["References"] == "<ticket-12@desk.example>")
            #expect(parsed.headers["Reply-To"] == "Help <help+ticket-12@desk.example>")
            #expect(parsed.sender == "help@desk.example")
            #expect(parsed.text == "Line one\r\nLine two\r\n")
            // A reply to it finds the ticket by each of the three ways.
            #expect(TicketReference.find(in: parsed, desk: desk)?.number == 12)
        }
    }

    @Test("a command that exits 75 throws with its status and its stderr, trimmed to one line")
    func tempfail() async throws {
        try await Sample.withTemporaryFolder { folder in
            let sendmail = try script("sendmail", "cat > /dev/null; echo 'sendmail: cannot connect to\n  mail.example: Connection refused  ' >&2; exit 75", in: folder)
            let notifier = SendmailNotifier(command: [sendmail, "-t"])
            let expected = SendmailError(command: "\(sendmail) -t",
                                         reason: .failed(status: 75, standardError: "sendmail: cannot connect to mail.example: Connection refused"))
            await #expect(throws: expected) { try await notifier.deliver(Sample.message()) }
            #expect(expected.description == "'\(sendmail) -t' exited with status 75: sendmail: cannot connect to mail.example: Connection refused")
        }
    }

    @Test("a command that hangs past the time limit is stopped, children included, and throws")
    func hangs() async throws {
        try await Sample.withTemporaryFolder { folder in
            let sendmail = try script("sendmail", "echo 'waiting for the relay' >&2; sleep 300 & wait", in: folder)
            let notifier = SendmailNotifier(command: [sendmail], timeout: 1)
            let expected = SendmailError(command: sendmail, reason: .timedOut(seconds: 1, standardError: "waiting for the relay"))
            await #expect(throws: expected) { try await notifier.deliver(Sample.message()) }
            #expect(expected.description == "'\(sendmail)' did not finish within 1 second and was stopped: waiting for the relay")
        }
    }

    @Test("a command whose file is still open for writing (text file busy) is run once it is closed")
    func textFileBusy() async throws {
        try await Sample.withTemporaryFolder { folder in
            let saved = folder.appendingPathComponent("saved.eml").path
            let sendmail = try script("sendmail", "cat > '\(saved)'", in: folder)
            // Held open for writing, as by a child forked while the script was being written:
            // executing it fails with ETXTBSY until the handle is closed.
            // Closed by a thread of its own, whatever the test runner's task pool is busy with.
            // Close-on-exec, so that no program another test starts meanwhile keeps it open.
            let writer = open(sendmail, O_WRONLY | O_CLOEXEC)
            try #require(writer >= 0)
            Thread.detachNewThread {
                usleep(300_000)
                close(writer)
            }
            try await SendmailNotifier(command: [sendmail]).deliver(Sample.message(id: "m-busy"))
            #expect(try String(contentsOfFile: saved, encoding: .utf8).contains("m-busy"))
        }
    }

    @Test("a missing program and a bad command line are reported with exact messages")
    func missing() async throws {
        let notifier = SendmailNotifier(command: ["/nonexistent/sendmail", "-t"])
        let expected = SendmailError(command: "/nonexistent/sendmail -t", reason: .notFound)
        await #expect(throws: expected) { try await notifier.deliver(Sample.message()) }
        #expect(expected.description == "cannot run '/nonexistent/sendmail -t': the program does not exist or is not executable")
        await #expect(throws: SendmailError(command: "no-such-sendmail-xyz", reason: .notFound)) {
            try await SendmailNotifier(command: ["no-such-sendmail-xyz"]).deliver(Sample.message())
        }
        #expect(throws: CommandWords.Problem.empty) { try SendmailNotifier(commandLine: "  ") }
        #expect(CommandWords.Problem.unclosedQuote("'").description == "a ' quote is not closed")
        #expect(SendmailError(command: "x", reason: .signalled(9, standardError: "")).description == "'x' was killed by signal 9")
    }

    @Test("a failing command through the outbox: retried with backoff, the error recorded")
    func throughOutbox() async throws {
        try await Sample.withTemporaryFolder { folder in
            let sendmail = try script("sendmail", "cat > /dev/null; echo 'relay down' >&2; exit 75", in: folder)
            let store = InMemoryTicketStore()
            let ticket = try await store.create(Sample.ticket(), history: [], submissionKey: nil, files: [:]) { stored in
                [Sample.message(id: "m-1", ticket: stored.number)]
            }
            let report = await OutboxDispatcher(store: store, notifier: SendmailNotifier(command: [sendmail]))
                .deliverDue(at: Sample.now, limit: 10)
            #expect(report.failed == 1)
            let stored = try #require(try await store.outbox(for: ticket.number).first)
            #expect(stored.lastError == "sendmail: '\(sendmail)' exited with status 75: relay down")
            #expect(stored.nextAttemptAt == Sample.now.addingTimeInterval(30))
        }
    }

    @Test("command words: quotes, escapes, tabs")
    func words() throws {
        #expect(try CommandWords.split("/usr/sbin/sendmail -t -i") == ["/usr/sbin/sendmail", "-t", "-i"])
        #expect(try CommandWords.split("msmtp  -a 'my account'\t--from=\"a \\\"b\\\" \\x\"") == ["msmtp", "-a", "my account", "--from=a \"b\" \\x"])
        #expect(try CommandWords.split("a\\ b ''") == ["a b", ""])
        #expect(throws: CommandWords.Problem.unclosedQuote("\"")) { try CommandWords.split("a \"b") }
    }
}

@Suite("Header injection")
struct HeaderInjectionTests {
    @Test("hostile ticket titles and requester names add no header and parse back as one subject",
          arguments: ["Hi\r\nBcc: evil@x.io", "Hi\nBcc: evil@x.io", "Hi\rBcc: evil@x.io", "Hi\u{2028}Bcc: evil@x.io",
                      "Hi\u{85}Bcc: evil@x.io", "Hi\u{0}\u{1b}[31mBcc: evil@x.io", "Olá\r\n\r\nBody injected"])
    func hostile(text: String) throws {
        let renderer = MessageRenderer(catalog: Sample.catalog)
        var ticket = Sample.ticket(title: text, name: text)
        ticket.requester.name = text
        let request = NotificationRequest(recipient: .requester, template: "confirmation", event: "create")
        let message = try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle,
                                           address: "ana@example.com", now: Sample.now, id: "x-1")
        let eml = EMLWriter().text(for: message)
        let head = try #require(eml.components(separatedBy: "\r\n\r\n").first)
        let names = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map { $0.components(separatedBy: ":")[0] }
        #expect(names == ["Date", "From", "Reply-To", "To", "Subject", "Message-ID", "In-Reply-To", "References",
                          "X-Formrunner-Ticket", "Auto-Submitted", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        let parsed = InboundMessage(data: Data(eml.utf8))
        #expect(parsed.headers.all("Bcc").isEmpty)
        #expect(parsed.subject.hasPrefix("[Support] Ticket #12 created: "))
        #expect(!parsed.subject.contains("\n") && !parsed.subject.contains("\r"))
        #expect(parsed.headers.fields.count == names.count)
    }
}
