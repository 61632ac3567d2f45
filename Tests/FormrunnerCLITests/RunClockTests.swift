import Foundation
import FormrunnerAuth
import Testing

extension RunEndToEndTests {
    /// `--now` is the tickets' clock only: signing in follows the real one.
    @Suite("formrunner run --now")
    struct RunClockTests {
        @Test("--now eleven months back does not bring back that time's authenticator code; today's signs in")
        func nowDoesNotDriveSignIn() async throws {
            let desk = try RunDesk()
            let added = try desk.addUser("bia@example.com", name: "Bia Lima", accounts: ["lojabia"], permissions: [],
                                         options: ["--password-stdin", "--totp"], input: "correct horse battery\n")
            let secret = try #require(FinancialRunTests.secret(in: added))
            let past = Date().addingTimeInterval(-330 * 86_400)
            let run = try PipeSession(["run", "financial-support", "--plain", "--now", past.formatted(.iso8601)],
                                      environment: desk.environment)
            try await run.waitFor("How do you want to sign in?\n")
            try run.send("password")
            try await run.waitFor("E-mail\n> ")
            try run.send("bia@example.com")
            try await run.waitFor("Password")
            try run.send("correct horse battery")
            try await run.waitFor("Code from your authenticator app")
            try run.send(TOTP().code(secret: secret, at: past))
            try await run.waitFor("the authenticator code is not right")
            try run.send(TOTP().code(secret: secret, at: Date()))
            try await run.waitFor("Signed in as Bia Lima <bia@example.com>.\n")
        }
    }
}
