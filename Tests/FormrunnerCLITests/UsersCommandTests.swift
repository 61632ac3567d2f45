import Foundation
import Testing

/// `formrunner users add|list|remove` on a real SQLite file.
@Suite("formrunner users")
struct UsersCommandTests {
    /// A throwaway database.
    final class Directory: Sendable {
        let folder = NSTemporaryDirectory() + "formrunner-users-" + UUID().uuidString
        var database: String { folder + "/tickets.sqlite" }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// How many users `users list --json` prints.
        func userCount() throws -> Int? {
            let listed = try run(["users", "list", "--json"])
            return (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.count
        }

        @discardableResult
        func run(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Run {
            try CommandRunner.run(arguments, environment: ["FORMRUNNER_STORE": "sqlite:\(database)"], input: input)
        }
    }

    static let ana = ["users", "add", "Ana@Example.com", "--name", "Ana Souza", "--account", "lojaana", "--account", "lojabeta",
                      "--country", "br", "--permission", "support"]

    @Test("add, list (text and JSON), remove")
    func lifecycle() throws {
        let directory = try Directory()
        let added = try directory.run(Self.ana)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added Ana Souza <ana@example.com>; accounts: lojaana, lojabeta; country: BR; "
                + "permissions: support; password: none; TOTP: none; phone: none\n")
        let listed = try directory.run(["users", "list", "--json"])
        let users = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(users?.first?["email"] as? String == "ana@example.com")
        #expect(users?.first?["accounts"] as? [String] == ["lojaana", "lojabeta"])
        #expect(users?.first?["password"] as? Bool == false)
        let removed = try directory.run(["users", "remove", "ana@example.com"])
        #expect(removed.stdout == "Removed ana@example.com\n")
        #expect(try directory.run(["users", "list"]).stdout
                == "No users. Add one with: formrunner users add EMAIL --name NAME --account STORE\n")
    }

    @Test("a password from standard input is kept only as a slow salted hash; a TOTP secret only sealed")
    func secretsAtRest() throws {
        let directory = try Directory()
        let added = try directory.run(Self.ana + ["--password-stdin", "--totp"], input: "a long enough password\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("password: set; TOTP: set"))
        let lines = added.stdout.split(separator: "\n")
        let secret = lines.first { $0.hasPrefix("Authenticator app secret (shown once): ") }?
            .replacingOccurrences(of: "Authenticator app secret (shown once): ", with: "") ?? ""
        #expect(secret.count >= 32)
        #expect(lines.contains { $0.hasPrefix("otpauth://totp/") && $0.contains("secret=\(secret)") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.database))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: directory.database + "-wal"))) ?? Data()
        for file in [bytes, wal] {
            #expect(file.range(of: Data("a long enough password".utf8)) == nil)
            #expect(file.range(of: Data(secret.utf8)) == nil)
        }
        #expect(FileManager.default.fileExists(atPath: directory.database + ".key"))
    }

    @Test("every mistake is refused with its reason and writes nothing", arguments: [
        (["users", "add", "not-an-email", "--name", "X Y"], "formrunner: 'not-an-email' is not an e-mail address\n"),
        (["users", "add", "a@b.c", "--name", "  "], "formrunner: the user a@b.c has no name\n"),
        (["users", "add", "a@b.c", "--name", "A B", "--password-stdin"], "formrunner: the password must have at least 10 characters\n"),
        (["users", "remove", "nobody@example.com"], "formrunner: there is no user with the e-mail nobody@example.com\n"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let directory = try Directory()
        let run = try directory.run(arguments, input: "short\n")
        #expect(run.status == 1)
        #expect(run.stderr == message)
        #expect(try directory.userCount() == 0)
    }

    @Test("a duplicate user is refused")
    func duplicate() throws {
        let directory = try Directory()
        try directory.run(Self.ana)
        let again = try directory.run(Self.ana)
        #expect(again.status == 1)
        #expect(again.stderr == "formrunner: a user with the e-mail ana@example.com already exists; nothing was written\n")
    }

    @Test("a country must be two letters")
    func badCountry() throws {
        let run = try Directory().run(["users", "add", "a@b.c", "--name", "A B", "--country", "Brazil"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'Brazil' is not a two-letter country code such as BR"))
    }
}

/// `formrunner run` before anyone may sign in.
@Suite("formrunner run without users")
struct RunWithoutUsersTests {
    @Test("an empty directory is explained instead of waiting for a code that never comes")
    func emptyDirectory() throws {
        let directory = try UsersCommandTests.Directory()
        let run = try directory.run(["run", "technical-support"], input: "")
        #expect(run.status == 1)
        #expect(run.stderr == "formrunner: no one may sign in yet: add a user with `formrunner users add EMAIL --name NAME "
                + "--account STORE`, or try the flow with --demo\n")
    }

    @Test("--answers without --no-input is a usage error")
    func answersNeedNoInput() throws {
        let run = try UsersCommandTests.Directory().run(["run", "technical-support", "--set", "title=x"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--answers and --set go with --no-input; the interactive run asks its questions"))
    }
}
