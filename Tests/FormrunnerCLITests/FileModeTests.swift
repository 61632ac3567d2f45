import Foundation
import Testing

/// What the desk writes is its owner's alone, whatever the umask: the store (tickets, answers and
/// credentials), its WAL and lock, the key, the Maildir (one-time codes) and the attachments.
@Suite("File modes")
struct FileModeTests {
    @Test("under umask 000 every folder the desk creates is 0700 and every file 0600")
    func privateUnderAnyUmask() throws {
        let folder = NSTemporaryDirectory() + "formrunner-modes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TicketCommandsTests.Desk.intakeAnswers.write(toFile: folder + "/answers.yaml", atomically: true, encoding: .utf8)
        try "the log\n".write(toFile: folder + "/evidence.log", atomically: true, encoding: .utf8)
        let desk = folder + "/desk"
        let environment = ["FORMRUNNER_STORE": "sqlite:\(desk)/data/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(desk)/mail"]
        // No user yet: the store is private from its first command on.
        let created = try CommandRunner.run(["tickets", "create", "--form", "technical.intake", "--answers", folder + "/answers.yaml",
                                             "--set", "evidence=\(folder)/evidence.log", "--requester", "ana@example.com"],
                                            environment: environment, umask: "000")
        #expect(created.status == 0, "\(created.stderr)")
        let added = try CommandRunner.run(["users", "add", "ana@example.com", "--name", "Ana Souza"], environment: environment,
                                          umask: "000")
        #expect(added.status == 0, "\(added.stderr)")

        var seen: [String: Int] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: desk))
        for case let relative as String in enumerator {
            let attributes = try FileManager.default.attributesOfItem(atPath: desk + "/" + relative)
            let mode = (attributes[.posixPermissions] as? Int ?? 0o777) & 0o777
            let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(relative) is \(String(mode, radix: 8))")
            seen[relative] = mode
        }
        for expected in ["data", "data/tickets.sqlite", "data/tickets.sqlite.lock", "data/tickets.sqlite.key", "mail", "mail/new"] {
            #expect(seen[expected] != nil, "\(expected) was not written: \(seen.keys.sorted())")
        }
        #expect(seen.keys.contains { $0.hasPrefix("mail/new/") }, "no e-mail in the Maildir: \(seen.keys.sorted())")
        #expect(seen.keys.filter { $0.hasPrefix("data/tickets.files/") }.count >= 2, "no attachment: \(seen.keys.sorted())")
    }
}
