import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Notifiers")
struct NotifierTests {
    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("Maildir: one file in new/, named after the message, holding the EML bytes; tmp/ left empty")
    func maildir() async throws {
        try await Sample.withTemporaryFolder { root in
            let maildir = root.appendingPathComponent("mail")
            let notifier = MaildirNotifier(root: maildir, hostname: "desk:1/a")
            let message = Sample.message(id: "abc-1", subject: "Solicitação nº 12")
            try await notifier.deliver(message)
            let names = files(maildir.appendingPathComponent("new"))
            #expect(names == ["1772719629.abc-1.desk\\0721\\057a"])
            #expect(files(maildir.appendingPathComponent("tmp")).isEmpty)
            #expect(files(maildir.appendingPathComponent("cur")).isEmpty)
            let data = try Data(contentsOf: maildir.appendingPathComponent("new").appendingPathComponent(names[0]))
            #expect(data == EMLWriter().data(for: message))
            #expect(notifier.name == "maildir")
        }
    }

    @Test("Maildir: delivering the same message again, even after it was read into cur/, adds no file")
    func maildirIdempotent() async throws {
        try await Sample.withTemporaryFolder { root in
            let notifier = MaildirNotifier(root: root, hostname: "h")
            let message = Sample.message(id: "same")
            try await notifier.deliver(message)
            try await notifier.deliver(message)
            #expect(files(root.appendingPathComponent("new")).count == 1)
            let name = files(root.appendingPathComponent("new"))[0]
            try FileManager.default.moveItem(at: root.appendingPathComponent("new/" + name),
                                             to: root.appendingPathComponent("cur/" + name + ":2,S"))
            var later = message
            later.attempts = 3
            try await MaildirNotifier(root: root, hostname: "other").deliver(later)
            #expect(files(root.appendingPathComponent("new")).isEmpty)
            #expect(files(root.appendingPathComponent("cur")).count == 1)
            try await notifier.deliver(Sample.message(id: "another"))
            #expect(files(root.appendingPathComponent("new")).count == 1)
        }
    }

    @Test("Maildir: a delivery into an unwritable place throws")
    func maildirFailure() async throws {
        await Sample.withTemporaryFolder { root in
            let blocker = root.appendingPathComponent("file")
            #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data()))
            await #expect(throws: (any Error).self) {
                try await MaildirNotifier(root: blocker, hostname: "h").deliver(Sample.message())
            }
        }
    }

    @Test("console: a readable, terminal-safe block")
    func console() async throws {
        let lines = Lines()
        let notifier = ConsoleNotifier { lines.append($0) }
        try await notifier.deliver(Sample.message(id: "m-9", subject: "Hi\r\nBcc: x", body: "Body \u{1B}[2J\nend"))
        let text = lines.all.joined()
        let rule = String(repeating: "─", count: 60)
        #expect(text == """
        \(rule)
        To:       ana@example.com
        Subject:  Hi Bcc: x
        Ticket:   #12 (confirmation, id m-9)

        Body ?[2J
        end
        \(rule)

        """)
        #expect(notifier.name == "console")
    }
}

/// Collects what the console notifier writes.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
