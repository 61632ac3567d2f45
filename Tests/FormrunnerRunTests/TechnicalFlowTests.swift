import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

@Suite("Technical support flow")
struct TechnicalFlowTests {
    /// The intake form's answers after the assistant step: title, the prefilled description, choices.
    static let intake: [ScriptedPrompter.Answer] = [
        .text("Checkout broken"), .enter, .text("learning"), .enter, .text("end_users"), .text("critical"),
        .text("production"), .text("unexpected_behavior"), .enter,
    ]

    static let assistant: [ScriptedPrompter.Answer] = [
        .enter, .text("unexpected_behavior"), .text("Sell online"), .text("Error 500 at checkout"), .text("Cleared the cache"), .enter,
    ]

    @Test("the whole flow files a ticket: a bad e-mail and wrong codes are asked again")
    func wholeFlow() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let code = desk.codeReader()
        let prompter = ScriptedPrompter([.text("email_token"), .text("ana@example"), .text("ana@example.com"),
                                         .text("000000"), .computed(code)]
                                        + Self.assistant + [.text("111111"), .computed(code)]
                                        + Self.intake + [.text("send")])
        let outcome = try await desk.run("technical-support", prompter)
        guard case .filed(let ticket) = outcome else { Issue.record("not filed: \(outcome)"); return }
        #expect(prompter.finished)
        #expect(prompter.rejections == ["'ana@example' is not an e-mail address"])
        #expect(prompter.said.contains("the code is not right; 4 attempts left"))
        #expect(prompter.said.contains("Support permission: granted"))
        #expect(ticket.number == 1)
        #expect(ticket.status == "open")
        #expect(ticket.requester == Requester(email: "ana@example.com", name: "Ana Souza"))
        #expect(ticket.answers["title"] == AnswerValue.text("Checkout broken"))
        #expect(ticket.answers["problem_impact"] == AnswerValue.choice("critical"))
        #expect(ticket.answers["agency"] == nil)
        let description = ticket.answers["description"]?.plainText ?? ""
        #expect(description.contains("Explain the objective:\nSell online"))
        #expect(description.contains("Detail the problem:\nError 500 at checkout"))
        // Google is not offered without a key set.
        #expect(prompter.offered["How do you want to sign in?"] == ["email_token", "password"])
        // Two codes were e-mailed (sign-in and the flow's own), then the confirmation was queued.
        #expect(desk.notifier.messages.map(\.template) == ["one-time-code", "one-time-code"])
        let outbox = try await desk.store.outbox(for: 1)
        #expect(outbox.map(\.template) == ["confirmation"])
        #expect(try await desk.drafts.load(key: FlowState.draftKey(workflowID: "technical-support", user: "ana@example.com"),
                                           now: desk.clock.now) == nil)
    }

    @Test("a user without the support permission is refused with the seed's message")
    func permissionRefused() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(permissions: []))
        let outcome = try await desk.run("technical-support", ScriptedPrompter(desk.emailSignIn()))
        guard case .refused(let message) = outcome else { Issue.record("not refused: \(outcome)"); return }
        #expect(message == "You must enable support permission in License Manager for the user to access VTEX Support. "
                + "This setting is only valid for accounts in Brazil. (ana@example.com lacks the permission support)")
    }

    @Test("accounts outside Brazil are refused")
    func brazilOnly() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(country: "AR"))
        let outcome = try await desk.run("technical-support", ScriptedPrompter(desk.emailSignIn()))
        guard case .refused(let message) = outcome else { Issue.record("not refused: \(outcome)"); return }
        #expect(message.hasSuffix("(ana@example.com is registered in AR, and this flow is for BR only)"))
    }

    @Test("an unknown e-mail never gets a code, and is told the same as everyone")
    func unknownEmail() async throws {
        let desk = FlowDesk()
        let prompter = ScriptedPrompter([.text("email_token"), .text("who@example.com"), .text("123456")])
        let outcome = try await desk.run("technical-support", prompter)
        guard case .interrupted(.endOfInput, let saved) = outcome else { Issue.record("\(outcome)"); return }
        #expect(!saved)
        #expect(desk.notifier.messages.isEmpty)
        #expect(prompter.said.contains("If who@example.com may sign in here, a code is on its way to it."))
        // The same answer a known address gets for a wrong code: nothing tells who has access.
        #expect(prompter.said.contains("the code is not right; 4 attempts left"))
    }

    @Test("answered by the assistant: no ticket")
    func answeredByAssistant() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let prompter = ScriptedPrompter(desk.emailSignIn() + [.text("pt"), .text("doubt"), .enter, .enter, .enter, .text("answered")])
        let outcome = try await desk.run("technical-support", prompter)
        guard case .answeredByAssistant = outcome else { Issue.record("\(outcome)"); return }
        #expect(try await desk.store.count(status: nil) == 0)
        #expect(prompter.offered["Language"] == ["en", "pt", "es"])
    }

    @Test("the flow's code locks after five wrong tries, and a new one is sent after the cool-down")
    func codeLockout() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let clock = desk.clock
        let code = desk.codeReader()
        let wrong = Array(repeating: ScriptedPrompter.Answer.text("999999"), count: 6)
        let resend: [ScriptedPrompter.Answer] = [.text("resend"), .computed { clock.advance(61); return "resend" }, .computed(code)]
        var script = desk.emailSignIn() + Self.assistant
        script += wrong
        script += resend
        script += Self.intake + [.text("send")]
        let prompter = ScriptedPrompter(script)
        let outcome = try await desk.run("technical-support", prompter)
        guard case .filed = outcome else { Issue.record("\(outcome)"); return }
        #expect(prompter.said.contains("the code is not right; 1 attempt left"))
        #expect(prompter.said.contains("too many wrong codes; ask for a new code (type resend)"))
        #expect(prompter.said.contains("wait 60 s before asking for another code"))
        #expect(desk.notifier.messages.count == 3)
    }

    @Test("a used code never works twice")
    func codeUsedOnce() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let first = Remembered()
        let code = desk.codeReader()
        let prompter = ScriptedPrompter(desk.emailSignIn() + Self.assistant
                                        + [.computed { first.keep(code()) }, .interrupt])
        _ = try await desk.run("technical-support", prompter)
        // The flow's code was accepted once; the same code again is refused.
        let service = FlowCodeProbe(desk: desk)
        #expect(try await service.verify(first.value) == "there is no code waiting; ask for a new one")
    }

    @Test("Google sign-in is offered once a key set is configured; a bad token is refused with its reason")
    func googleOffered() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        var services = desk.services
        services.google = GoogleIDTokenVerifier(clientID: "client", keys: try JSONWebKeySet(json: Data(#"{"keys": []}"#.utf8)))
        let prompter = ScriptedPrompter([.text("google"), .text("not-a-token")] + desk.emailSignIn() + [.interrupt])
        let flow = try #require(FlowDesk.catalog.workflows["technical-support"])
        let outcome = try await FlowRunner(flow: flow, services: services, prompter: prompter).run()
        guard case .interrupted(.cancelled, true) = outcome else { Issue.record("\(outcome)"); return }
        #expect(prompter.offered["How do you want to sign in?"] == ["email_token", "google", "password"])
        #expect(prompter.said.contains { $0.hasPrefix("Google sign-in failed: the ID token is malformed") })
        #expect(prompter.said.contains("Signed in as Ana Souza <ana@example.com>."))
    }

    @Test("a notifier that is down: the code is not sent, the person is told, and resend works later")
    func notifierDown() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        desk.notifier.failure = "connection refused"
        let clock = desk.clock
        let notifier = desk.notifier
        let prompter = ScriptedPrompter([.text("email_token"), .text("ana@example.com"),
                                         .computed { notifier.failure = nil; clock.advance(61); return "resend" },
                                         .computed { notifier.lastCode(to: "ana@example.com") }, .interrupt])
        let outcome = try await desk.run("technical-support", prompter)
        guard case .interrupted(.cancelled, true) = outcome else { Issue.record("\(outcome)"); return }
        #expect(prompter.said.contains("the code could not be sent (connection refused); ask for a new one"))
    }
}
