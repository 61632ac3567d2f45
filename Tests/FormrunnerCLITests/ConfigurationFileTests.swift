import Foundation
import Testing

/// formrunner.yaml at the catalog root: used by every command, checked by validate, and overridden
/// by the environment and flags.
@Suite("The configuration file formrunner.yaml")
struct ConfigurationFileTests {
    @Test("validate reports a broken formrunner.yaml at its line and column, with a did-you-mean")
    func validate() throws {
        try CommandRunner.withCatalogCopy { catalog in
            try "store: \"memory:\"\nnotifier:\n  - kind: console\n".write(toFile: catalog + "/formrunner.yaml", atomically: true, encoding: .utf8)
            let run = try CommandRunner.run(["validate"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr == """
                formrunner.yaml:2:1: error: unknown key 'notifier' in the configuration; did you mean 'notifiers'? [FR0201]
                 2 | notifier:
                   | ^
                1 error(s) in 35 file(s) checked

                """)
            let tickets = try CommandRunner.run(["tickets", "list"], in: catalog)
            #expect(tickets.status == 1)
            #expect(tickets.stderr.hasSuffix("formrunner: the catalog at '.' has 1 problem(s); fix them or run `formrunner validate`\n"))
        }
    }

    @Test("the store: the flag wins over the environment, which wins over the file")
    func precedence() throws {
        try CommandRunner.withCatalogCopy { catalog in
            try "store: sqlite:from-file.sqlite\nnotifiers:\n  - kind: none\n"
                .write(toFile: catalog + "/formrunner.yaml", atomically: true, encoding: .utf8)
            let create = PluginCommandsTests.form + PluginCommandsTests.answers
            #expect(try CommandRunner.run(create, in: catalog).status == 0)
            #expect(FileManager.default.fileExists(atPath: catalog + "/from-file.sqlite"))
            #expect(!FileManager.default.fileExists(atPath: catalog + "/.formrunner/mail"), "kind: none sends nothing")
            let environment = ["FORMRUNNER_STORE": "sqlite:" + catalog + "/from-env.sqlite"]
            #expect(try CommandRunner.run(create, in: catalog, environment: environment).status == 0)
            #expect(FileManager.default.fileExists(atPath: catalog + "/from-env.sqlite"))
            #expect(try CommandRunner.run(create + ["--store", "sqlite:" + catalog + "/from-flag.sqlite"], in: catalog,
                                          environment: environment).status == 0)
            #expect(FileManager.default.fileExists(atPath: catalog + "/from-flag.sqlite"))
            let listed = try CommandRunner.run(["tickets", "list", "--json"], in: catalog)
            let tickets = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
            #expect((tickets["tickets"] as? [Any])?.count == 1, "\(listed.stdout)")
        }
    }

    @Test("the desk's name and address become the sender of e-mails")
    func desk() throws {
        try CommandRunner.withCatalogCopy { catalog in
            try """
            store: "memory:"
            desk:
              name: Acme Help Desk
              address: help@acme.example
            notifiers:
              - kind: maildir
                folder: outgoing
            """.write(toFile: catalog + "/formrunner.yaml", atomically: true, encoding: .utf8)
            #expect(try CommandRunner.run(PluginCommandsTests.form + PluginCommandsTests.answers, in: catalog).status == 0)
            let names = try FileManager.default.contentsOfDirectory(atPath: catalog + "/outgoing/new")
            let mail = try String(contentsOfFile: catalog + "/outgoing/new/" + names[0], encoding: .utf8)
            #expect(mail.contains("\r\nFrom: Acme Help Desk <help@acme.example>\r\n"))
            #expect(mail.contains("@acme.example>\r\n"))
        }
    }

    @Test("the repository's own formrunner.yaml keeps the defaults")
    func shipped() throws {
        let run = try CommandRunner.run(["validate"])
        #expect(run.status == 0)
        #expect(run.stderr == "107 file(s) checked, no problems found\n")
    }
}
