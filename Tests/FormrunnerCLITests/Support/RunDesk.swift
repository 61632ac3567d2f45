import Foundation

/// A throwaway desk for end-to-end runs of `formrunner run`: its own store and Maildir, its users,
/// and ways to read back the tickets and the e-mails (one-time codes included).
final class RunDesk {
    /// The scratch folder holding the store, the Maildir and the drivers' files.
    let folder = NSTemporaryDirectory() + "formrunner-run-" + UUID().uuidString
    /// The Maildir's `new/` folder.
    var mailFolder: String { folder + "/mail/new" }
    /// The messages already looked at by ``nextCode(screen:)``.
    private var seenMail: Set<String> = []

    /// What the program is run with: the store and the Maildir.
    var environment: [String: String] {
        ["FORMRUNNER_STORE": "sqlite:\(folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(folder)/mail"]
    }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `formrunner arguments` on this desk through pipes (no terminal).
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Run {
        try CommandRunner.run(arguments, environment: environment, input: input)
    }

    /// `formrunner users add`; throws with its error when it fails. Returns what it printed.
    @discardableResult
    func addUser(_ email: String, name: String, accounts: [String] = ["lojaana"], country: String? = "BR",
                 permissions: [String] = ["support"], options: [String] = [], input: String? = nil) throws -> String {
        var arguments = ["users", "add", email, "--name", name]
        arguments += accounts.flatMap { ["--account", $0] }
        arguments += country.map { ["--country", $0] } ?? []
        arguments += permissions.flatMap { ["--permission", $0] }
        let run = try run(arguments + options, input: input)
        guard run.status == 0 else { throw DeskFailure("users add \(email) failed: \(run.stderr)") }
        return run.stdout
    }

    /// `formrunner tickets show N --json`, parsed; nil when there is no such ticket.
    func ticket(_ number: Int) throws -> [String: Any]? {
        let run = try run(["tickets", "show", String(number), "--json"])
        guard run.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    }

    /// A ticket's answers as JSON values (`{"text": …}`, `{"choice": …}`…), by field id.
    func answers(ofTicket number: Int) throws -> [String: Any] {
        (try ticket(number)?["answers"] as? [String: Any]) ?? [:]
    }

    /// Writes a file in the scratch folder and returns its path.
    func file(_ name: String, contents: String) throws -> String {
        let path = folder + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: Mail

    /// One message of the Maildir.
    struct Mail {
        var file: String
        var headers: [String: String]
        var body: String
        var subject: String { headers["Subject"] ?? "" }
        var to: String { headers["To"] ?? "" }

        /// A one-time code in the body: a line of four spaces and digits (e-mail), or an SMS's first word.
        var code: String? {
            for line in body.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if line.hasPrefix("    "), !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return trimmed }
                if line.contains(" is your "), let first = line.split(separator: " ").first, first.allSatisfy(\.isNumber) {
                    return String(first)
                }
            }
            return nil
        }
    }

    /// Every message delivered so far, by file name.
    func mail() -> [Mail] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder)) ?? []).sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOfFile: mailFolder + "/" + name, encoding: .utf8) else { return nil }
            let parts = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            var headers: [String: String] = [:]
            for line in parts[0].components(separatedBy: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return Mail(file: name, headers: headers, body: parts.dropFirst().joined(separator: "\n\n"))
        }
    }

    /// Waits for a message with a code that ``nextCode(screen:)`` has not returned yet, and returns
    /// the code. `screen` gives what to show if it never comes.
    func nextCode(screen: () -> String) async throws -> String {
        try await Waiting.until("a new code in \(mailFolder)", snapshot: screen) {
            let fresh = mail().filter { !seenMail.contains($0.file) && $0.code != nil }
            guard let message = fresh.last else { return nil }
            seenMail.formUnion(fresh.map(\.file))
            return message.code
        }
    }

    /// The subjects of the messages sent to `address`.
    func subjects(to address: String) -> [String] {
        mail().filter { $0.to.contains(address) }.map(\.subject)
    }
}

/// A desk set-up step that failed.
struct DeskFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
