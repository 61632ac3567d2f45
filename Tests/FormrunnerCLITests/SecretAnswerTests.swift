import Foundation
import Testing

/// `type: secret` answers: sealed at rest, never searchable, masked when shown, opened only for an
/// agent of the ticket's team, and that reveal is written into the ticket's history.
@Suite("Secret answers")
struct SecretAnswerTests {
    static let form = """
        form: demo.vault
        version: 1
        title: Vault access
        team: technical
        lifecycle: ticket-lifecycle
        fields:
          - {id: title, label: Title, type: text}
          - {id: password, label: Current password, type: secret}
        """
    static let secret = "hunter2zebracorn"

    @Test("a secret answer is sealed in the store, not found by search, masked by show and --json, revealed once audited")
    func sealedAtRest() throws {
        try CommandRunner.withCatalogCopy { catalog in
            try Self.form.write(toFile: catalog + "/Forms/vault.yaml", atomically: true, encoding: .utf8)
            let environment = ["FORMRUNNER_STORE": "sqlite:\(catalog)/data/tickets.sqlite", "FORMRUNNER_NOTIFIER": "none"]
            func run(_ arguments: [String]) throws -> CommandRunner.Run {
                try CommandRunner.run(arguments, in: catalog, environment: environment)
            }
            let created = try run(["tickets", "create", "--form", "demo.vault", "--requester", "ana@example.com",
                                   "--set", "title=Reset the vault", "--set", "password=\(Self.secret)"])
            #expect(created.status == 0, "\(created.stderr)")
            for suffix in ["", "-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: "\(catalog)/data/tickets.sqlite\(suffix)"))) ?? Data()
                #expect(bytes.range(of: Data(Self.secret.utf8)) == nil, "the secret is readable in tickets.sqlite\(suffix)")
            }
            let search = try run(["tickets", "search", "hunter2zebracorn"])
            #expect(!search.stdout.contains("Reset the vault"), "\(search.stdout)")
            let shown = try run(["tickets", "show", "1"])
            #expect(shown.stdout.contains("  Current password: ••••••\n"))
            #expect(!shown.stdout.contains(Self.secret))
            let json = try run(["tickets", "show", "1", "--json"])
            #expect(json.stdout.contains("\"text\" : \"••••••\"") || json.stdout.contains("\"text\":\"••••••\""), "\(json.stdout)")
            #expect(!json.stdout.contains(Self.secret) && !json.stdout.contains("sealed:v1:"))

            #expect(try run(["users", "add", "rui@example.com", "--name", "Rui Lima", "--role", "agent", "--team", "financial"]).status == 0)
            let refused = try run(["tickets", "show", "1", "--reveal-secrets", "rui@example.com"])
            #expect(refused.status == 1)
            #expect(refused.stderr == "formrunner: rui@example.com may not see the secret answers of ticket 1: only agents of the "
                    + "team 'technical' and admins may (formrunner users update rui@example.com --role agent --team technical)\n")
            let stranger = try run(["tickets", "show", "1", "--reveal-secrets", "nobody@example.com"])
            #expect(stranger.stderr == "formrunner: there is no user with the e-mail nobody@example.com\n")

            #expect(try run(["users", "add", "bia@example.com", "--name", "Bia Lima", "--role", "agent", "--team", "technical"]).status == 0)
            let revealed = try run(["tickets", "show", "1", "--reveal-secrets", "Bia@example.com"])
            #expect(revealed.status == 0, "\(revealed.stderr)")
            #expect(revealed.stdout.contains("  Current password: \(Self.secret)\n"), "\(revealed.stdout)")
            #expect(revealed.stdout.contains("agent  reveal-secrets  Open → Open: bia@example.com saw the secret answers: password"),
                    "\(revealed.stdout)")
            #expect(!(try run(["tickets", "show", "1"]).stdout.contains(Self.secret)))
        }
    }
}
