import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

/// The terminal and the web drive one step interpreter: the same answers given through each file
/// the same ticket.
@Suite("One interpreter, two renderers")
struct BothRenderersTests {
    @Test("the technical flow answered in the terminal and on the web files the same ticket")
    func technicalFlowThroughBoth() async throws {
        // The terminal.
        let terminal = FlowDesk()
        try await terminal.directory.add(try FlowDesk.ana())
        let code = terminal.codeReader()
        let prompter = ScriptedPrompter(terminal.emailSignIn() + [
            .enter, .text("unexpected_behavior"), .text("Sell online"), .text("Error 500 at checkout"), .text("Cleared the cache"),
            .enter, .computed(code),
            .text("Checkout broken"), .enter, .text("learning"), .enter, .text("end_users"), .text("critical"),
            .text("production"), .text("unexpected_behavior"), .enter, .text("send"),
        ])
        guard case .filed(let byTerminal) = try await terminal.run("technical-support", prompter) else {
            Issue.record("the terminal run filed nothing")
            return
        }

        // The web.
        let web = PortalFixture()
        try await web.desk.directory.add(try FlowDesk.ana())
        try await web.browse { browser in
            try await browser.get("/flows/technical-support")
            #expect(browser.location.hasPrefix("/signin"))
            try await web.signIn(browser, next: "/flows/technical-support")
            #expect(browser.page.contains("<h1>Copilot</h1>"))
            try await browser.post("/flows/technical-support", [
                ("_step", "copilot"), ("language", "en"), ("scenario", "unexpected_behavior"),
                ("guidance.objective", "Sell online"), ("guidance.problem", "Error 500 at checkout"),
                ("guidance.resources", "Cleared the cache"), ("_action", "handoff"),
            ])
            #expect(browser.page.contains("We sent a code to ana@example.com."))
            try await browser.post("/flows/technical-support", [
                ("_step", "otp"), ("code", web.desk.notifier.lastCode(to: "ana@example.com")), ("_action", "verify"),
            ])
            #expect(browser.page.contains("<h1>Identify and report problems</h1>"))
            let description = try #require(byTerminal.answers["description"]?.plainText)
            #expect(browser.page.contains(description.components(separatedBy: "\n")[0]))
            try await browser.post("/flows/technical-support", [
                ("_step", "intake"), ("title", "Checkout broken"), ("description", description),
                ("experience_level", "learning"), ("agency", ""), ("users_affected", "end_users"), ("problem_impact", "critical"),
                ("environment", "production"), ("problem_type", "unexpected_behavior"), ("_action", "continue"),
            ])
            #expect(browser.page.contains("Review your request"))
            try await browser.post("/flows/technical-support", [("_step", "create"), ("_action", "send")])
            #expect(browser.page.contains("Ticket 1 created"))
            #expect(browser.page.contains("A confirmation was sent to ana@example.com."))
        }
        let byWeb = try #require(try await web.desk.store.ticket(1))
        #expect(byWeb.answers == byTerminal.answers)
        #expect(byWeb.title == byTerminal.title)
        #expect(byWeb.status == byTerminal.status)
        #expect(byWeb.requester == byTerminal.requester)
        #expect(byWeb.formID == byTerminal.formID)
        #expect(byWeb.workflowID == byTerminal.workflowID)
    }
}
