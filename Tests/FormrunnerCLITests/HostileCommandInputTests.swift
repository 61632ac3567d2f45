import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile input through the real binary: each is refused with its exact message or made harmless,
/// never a crash, a hang or a file written where it should not be.
@Suite("Hostile command-line input")
struct HostileCommandInputTests {
    typealias Desk = TicketCommandsTests.Desk

    static let notValid = "formrunner: the answers are not valid:\n"
    static let accepted = "accepted: image/*, video/*, application/pdf, text/plain, .har, .log, .json, .csv, .zip"

    /// `tickets create` for the technical form with `--set` settings, run in `directory`.
    func create(_ desk: Desk, _ settings: [String], in directory: String = CommandRunner.repository,
                requester: String = "ana@example.com", extra: [String] = []) throws -> CommandRunner.Run {
        try CommandRunner.run(["tickets", "create", "--catalog", CommandRunner.repository, "--form", "technical.intake",
                               "--answers", desk.folder + "/answers.yaml", "--requester", requester]
                              + settings.flatMap { ["--set", $0] } + extra,
                              in: directory, environment: desk.environment)
    }

    @Test("attachment paths: traversal, a directory, a FIFO, a symlink, too big, a wrong type, missing")
    func attachmentPaths() throws {
        let desk = try Desk()
        let files = FileManager.default
        let work = desk.folder + "/a/b"
        try files.createDirectory(atPath: work, withIntermediateDirectories: true)
        try files.createDirectory(atPath: desk.folder + "/etc/dir.log", withIntermediateDirectories: true)
        try "root:x:0:0:root:/root:/bin/sh\n".write(toFile: desk.folder + "/etc/passwd", atomically: true, encoding: .utf8)
        try "a log line\n".write(toFile: desk.folder + "/etc/passwd.log", atomically: true, encoding: .utf8)
        try Data([0x4D, 0x5A, 0x90, 0x00]).write(to: URL(fileURLWithPath: desk.folder + "/etc/prog.exe"))
        #expect(mkfifo(desk.folder + "/etc/fifo.log", 0o600) == 0)
        try files.createSymbolicLink(atPath: desk.folder + "/etc/link.log", withDestinationPath: desk.folder + "/etc/passwd.log")
        #expect(files.createFile(atPath: desk.folder + "/etc/big.log", contents: nil))
        let big = try FileHandle(forWritingTo: URL(fileURLWithPath: desk.folder + "/etc/big.log"))
        try big.truncate(atOffset: 20 * 1024 * 1024 + 1)
        try big.close()

        let refused: [(path: String, problem: String)] = [
            ("../../etc/passwd", "'passwd' (application/octet-stream) is not an accepted type; \(Self.accepted)"),
            ("../../etc/dir.log", "'../../etc/dir.log' is not a regular file"),
            ("../../etc/fifo.log", "'../../etc/fifo.log' is not a regular file"),
            ("../../etc/link.log", "'../../etc/link.log' is not a regular file"),
            ("../../etc/big.log", "'big.log' is 20971521 bytes; the limit is 20 MB"),
            ("../../etc/prog.exe", "'prog.exe' (application/octet-stream) is not an accepted type; \(Self.accepted)"),
            ("../../etc/nothere.log", "no such file: '../../etc/nothere.log'"),
        ]
        for (path, problem) in refused {
            let run = try create(desk, ["title=Evidence attached", "evidence=\(path)"], in: work)
            #expect(run.status == 1, "\(path)")
            #expect(run.stderr == Self.notValid + "  evidence: \(problem)\n")
        }
        #expect(try desk.run(["tickets", "list"]).stdout.isEmpty)

        // A traversal to a file that may be attached keeps only its name; the copy is content-addressed.
        let run = try create(desk, ["title=Evidence attached", "evidence=../../etc/passwd.log"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let answers = try desk.show(1)["answers"] as? [String: Any]
        let evidence = (answers?["evidence"] as? [String: Any])?["files"] as? [[String: Any]]
        #expect(evidence?.map { $0["name"] as? String } == ["passwd.log"])
        let sha = try #require(evidence?.first?["sha256"] as? String)
        #expect(try files.subpathsOfDirectory(atPath: desk.folder + "/tickets.files") == [String(sha.prefix(2)), "\(sha.prefix(2))/\(sha)"])
        #expect(try String(contentsOfFile: desk.folder + "/etc/passwd.log", encoding: .utf8) == "a log line\n")
    }

    @Test("CR/LF never reaches an e-mail header: not through a title, a message or a name")
    func headerInjection() throws {
        let desk = try Desk()
        let oneLine = try create(desk, ["title=Hello\r\nBcc: evil@example.com"])
        #expect(oneLine.stderr == Self.notValid + "  title: must be a single line\n")
        let address = try create(desk, ["title=Hello there"], requester: "ana@example.com\r\nBcc: evil@example.com")
        #expect(address.status == 1)
        #expect(address.stderr == "formrunner: 'ana@example.com?\nBcc: evil@example.com' is not an e-mail address; "
                + "the requester is told everything by e-mail\n")
        let nel = try create(desk, ["title=Hello there"], requester: "ana@example.com\u{85}")
        #expect(nel.stderr == "formrunner: 'ana@example.com?' is not an e-mail address; the requester is told everything by e-mail\n")

        try CommandRunner.withCatalogCopy { catalog in
            // A form whose title may span lines: the title goes into every subject.
            try """
                form: demo.multiline-title
                version: 1
                title: Multi-line title
                team: technical
                lifecycle: ticket-lifecycle
                fields:
                  - {id: title, label: Title, type: multiline}
                """.write(toFile: catalog + "/Forms/multiline-title.yaml", atomically: true, encoding: .utf8)
            let created = try CommandRunner.run(
                ["tickets", "create", "--form", "demo.multiline-title", "--requester", "ana@example.com",
                 "--set", "title=Hello\r\nBcc: evil@example.com\r\n\r\nInjected body", "--name", "Ana\r\nBcc: evil2@example.com"],
                in: catalog, environment: desk.environment)
            #expect(created.status == 0, "\(created.stderr)")
            let comment = try CommandRunner.run(
                ["tickets", "transition", "1", "comment", "--as", "agent", "--message", "Hi\r\nBcc: evil3@example.com\r\n"],
                in: catalog, environment: desk.environment)
            #expect(comment.status == 0, "\(comment.stderr)")
        }
        let mails = try FileManager.default.contentsOfDirectory(atPath: desk.folder + "/mail/new")
        #expect(mails.count == 2)
        for name in mails {
            let text = try String(contentsOfFile: desk.folder + "/mail/new/" + name, encoding: .utf8)
            let headers = try #require(text.components(separatedBy: "\r\n\r\n").first).components(separatedBy: "\r\n")
            // The confirmation is the thread root (no In-Reply-To/References); the comment replies to it.
            let isRoot = headers.contains("Message-ID: <ticket-1@formrunner.local>")
            #expect(headers.count == (isRoot ? 11 : 13))
            #expect(headers.allSatisfy { $0.firstMatch(of: /^[A-Za-z-]+: \S/) != nil }, "\(headers)")
            #expect(!headers.contains { $0.lowercased().hasPrefix("bcc") })
            #expect(headers.contains { $0.hasPrefix("Subject: [Support] ") && $0.hasSuffix("Hello Bcc: evil@example.com  Injected body") })
        }
    }

    @Test("SQL and full-text metacharacters in search are only word separators")
    func searchMetacharacters() throws {
        let desk = try Desk()
        #expect(try create(desk, ["title=O'Brien's 50% off_sale \"quoted\" (test)"]).status == 0)
        let finds = ["o'brien", "50%", "off_sale", "\"quoted\"", "(test)", "sale*", "^sale", "BRIEN", "Brién", "#1", "  1 "]
        for query in finds {
            let run = try desk.run(["tickets", "search", query])
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("     1  Open  "), "\(query): \(run.stdout)\(run.stderr)")
        }
        let misses = ["'; DROP TABLE ticket; --", "NEAR(brien sale)", "brien OR nothing", "brien AND sale", "NOT sale",
                      "title:brien", "words:brien", "%", "_", "*", "\"", ")(", "\\", "/*", "#0", "99999999999999999999",
                      String(repeating: "x", count: 10_000), (0..<3000).map { "w\($0)" }.joined(separator: " ")]
        for query in misses {
            let run = try desk.run(["tickets", "search", query])
            #expect(run.status == 0, "\(query.prefix(40)): \(run.stderr.prefix(200))")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("no ticket matches '"))
        }
        let dash = try desk.run(["tickets", "search", "--", "-brien"])
        #expect(dash.stdout.hasPrefix("     1  Open  "))
        #expect(try desk.run(["tickets", "search", "--"]).status == 64)
        #expect(try desk.run(["tickets", "list"]).stdout.split(separator: "\n").count == 1)
    }

    @Test("terminal escape sequences in answers never reach the terminal")
    func terminalEscapes() throws {
        let desk = try Desk()
        try """
            description: "Red \\e[31malert\\e[0m, window title \\e]0;pwned\\a, CSI \\u009B2J, bell \\a and a CR \\r over it"
            experience_level: advanced
            agency: "\\e[5mBlinking agency"
            users_affected: end_users
            problem_impact: critical
            environment: production
            problem_type: unexpected_behavior
            """.write(toFile: desk.folder + "/answers.yaml", atomically: true, encoding: .utf8)
        let shot = desk.folder + "/shot\u{1B}[31m.log"
        try "evidence\n".write(toFile: shot, atomically: true, encoding: .utf8)
        let created = try create(desk, ["title=Esc \u{1B}[2J clear \u{9B}31m", "evidence=\(shot)"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Ticket 1 created: Esc ?[2J clear ?31m [Open]\n")
        let commands = [["tickets", "show", "1"], ["tickets", "show", "1", "--json"], ["tickets", "list"],
                        ["tickets", "list", "--json"], ["tickets", "search", "alert"], ["tickets", "search", "\u{1B}[2J"]]
        for arguments in commands {
            let run = try desk.run(arguments)
            #expect(run.status == 0)
            for output in [run.stdout, run.stderr] {
                #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" || $0 == "\r" },
                        "\(arguments): \(output.debugDescription)")
            }
        }
        let shown = try desk.run(["tickets", "show", "1"]).stdout
        #expect(shown.contains("  Description: Red ?[31malert?[0m, window title ?]0;pwned?, CSI ?2J, bell ? and a CR ? over it\n"))
        #expect(shown.contains("  Evidence: shot?[31m.log ("))
    }

    @Test("an answers file that is an alias bomb, 10,000 levels deep or not UTF-8: a located error, exit 1")
    func hostileAnswersFiles() throws {
        let desk = try Desk()
        var bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<30 {
            bomb.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let deep = "title: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let cases: [(name: String, data: Data, expected: String)] = [
            ("bomb.yaml", Data(bomb.joined(separator: "\n").utf8), """
                :1:5: error: anchors and aliases are not allowed in answers files; write each answer out in full [FR0106]
                 1 | a0: &a0 [x, x, x, x, x, x, x, x, x]
                   |     ^

                """),
            ("deep.yaml", Data(deep.utf8), """
                :1:9: error: nesting is too deep (more than 32 levels) [FR0104]
                 1 | title: \(String(repeating: "[", count: 193))…
                   |         ^

                """),
            ("latin1.yaml", Data("title: Caf".utf8) + Data([0xE9]) + Data(" down\n".utf8), """
                :1:11: error: file is not valid UTF-8 (byte 0xE9 at offset 10); answers files must be saved as UTF-8 [FR0102]
                 1 | title: Caf\u{FFFD} down
                   |           ^

                """),
        ]
        for (name, data, expected) in cases {
            let path = desk.folder + "/" + name
            try data.write(to: URL(fileURLWithPath: path))
            let run = try desk.run(["tickets", "create", "--form", "technical.intake", "--answers", path,
                                    "--requester", "ana@example.com"])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == path + expected)
        }
        #expect(try desk.run(["tickets", "list"]).stdout.isEmpty)
    }
}
