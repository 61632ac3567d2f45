import Foundation
import Testing

extension RunEndToEndTests {
    /// A draft saved on version 1 of a form (`Tests/Fixtures/versions/v1`), resumed with `run
    /// --resume` after the form became version 2 (`…/v2`) in the same catalog.
    @Suite("formrunner run --resume after the form changed")
    struct VersionedDraftRunTests {
        /// A catalog folder of the desk's scratch folder holding `v1`, with the repository's e-mail templates.
        static func catalog(on desk: RunDesk) throws -> String {
            let folder = desk.folder + "/catalog"
            try FileManager.default.copyItem(atPath: CommandRunner.repository + "/Tests/Fixtures/versions/v1", toPath: folder)
            try FileManager.default.copyItem(atPath: CommandRunner.repository + "/Workflows/templates", toPath: folder + "/Workflows/templates")
            return folder
        }

        /// Signs Ana in on `run`.
        static func signIn(_ run: PipeSession, desk: RunDesk) async throws {
            try await run.waitFor("E-mail\n> ")
            try run.send("ana@example.com")
            try run.send(try await desk.nextCode(screen: { run.transcript }))
            try await run.waitFor("Signed in as Ana Souza <ana@example.com>.\n")
        }

        @Test("valid answers are kept, the refused ones asked again with the reason, a removed field's answer dropped, a new field asked")
        func resumeAgainstTheNewVersion() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let catalog = try Self.catalog(on: desk)

            let first = try PipeSession(["--catalog", catalog, "run", "refund", "--plain"], environment: desk.environment)
            try await Self.signIn(first, desk: desk)
            for line in ["Refund for order 7", "900", "gold", "ORD-7"] { try first.send(line) }
            try await first.waitFor("Order number: ORD-7\nWhat next?\n")
            try first.closeInput()
            #expect(try await first.waitForExit() == 1)
            #expect(first.errors.hasSuffix("your answers are saved as a draft: `formrunner run refund --resume` continues them\n"))

            try FileManager.default.removeItem(atPath: catalog + "/Forms/refund.yaml")
            try FileManager.default.copyItem(atPath: CommandRunner.repository + "/Tests/Fixtures/versions/v2/Forms/refund.yaml",
                                             toPath: catalog + "/Forms/refund.yaml")
            let second = try PipeSession(["--catalog", catalog, "run", "refund", "--plain", "--resume"], environment: desk.environment)
            try await Self.signIn(second, desk: desk)
            try await second.waitFor("""
                The form changed since you started: 'order' is no longer asked, so its answer (ORD-7) was dropped.
                The form changed since you started: 'Amount' must now be at most 500; please answer again.
                Amount
                  a number: at most 500
                > 
                """)
            try second.send("400")
            try await second.waitFor("""
                The form changed since you started: 'Plan': 'gold' is not an option; expected one of basic, silver; please answer again.
                Plan
                """)
            try second.send("silver")
            try await second.waitFor("Why do you want a refund?\n> ")
            try second.send("Charged twice")
            try await second.waitFor("""
                Review: Ask for a refund
                Title: Refund for order 7
                Amount: 400
                Plan: Silver
                Why do you want a refund?: Charged twice
                """)
            try second.send("Create ticket")
            try await second.waitFor("Ticket 1 created: Refund for order 7 [Open].")
            #expect(try await second.waitForExit() == 0)
            // The title, still valid, was not asked again.
            #expect(!second.output.contains("Title\n> "))

            let ticket = try #require(try desk.ticket(1))
            #expect(ticket["form_version"] as? Int == 2)
            let answers = try desk.answers(ofTicket: 1)
            #expect((answers["amount"] as? [String: Any])?["number"] as? Double == 400)
            #expect(answers["plan"] as? [String: String] == ["choice": "silver"])
            #expect(answers["order"] == nil)
        }
    }
}
