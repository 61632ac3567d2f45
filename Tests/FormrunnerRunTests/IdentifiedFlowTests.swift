import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

@Suite("Financial and commercial flows")
struct IdentifiedFlowTests {
    static let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    static let password = "correct horse battery"

    /// The code Ana's authenticator app shows at the desk's clock.
    static func totp(_ desk: FlowDesk) -> @Sendable () -> String {
        let clock = desk.clock
        return { TOTP().code(secret: Base32.decode(secret) ?? [], at: clock.now) }
    }

    /// Signs in with a password (a wrong one first) and the authenticator app.
    static func passwordSignIn(_ desk: FlowDesk) -> [ScriptedPrompter.Answer] {
        [.text("password"), .text("ana@example.com"), .text("wrong password"),
         .text("password"), .text("ana@example.com"), .text(password), .text("totp"), .computed(totp(desk))]
    }

    @Test("financial: password and authenticator app, Name and Account, a subject whose form hides a field")
    func financialWithHiddenField() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(password: Self.password, totp: Self.secret, phone: "+5511999990000"))
        let prompter = ScriptedPrompter(Self.passwordSignIn(desk) + [
            .enter, .text("lojabeta"),
            .text("invoice_recipients"),
            .text("Invoices go to the wrong people"), .text("finance@lojabeta.com.br"), .text("yes"),
            .text("send"),
        ])
        let outcome = try await desk.run("financial-support", prompter)
        guard case .filed(let ticket) = outcome else { Issue.record("not filed: \(outcome)"); return }
        #expect(prompter.finished)
        #expect(prompter.said.contains("the e-mail or the password is not right"))
        #expect(prompter.offered["Second step"] == ["totp", "sms"])
        #expect(prompter.offered["Account"] == ["lojaana", "lojabeta"])
        #expect(prompter.offered["Request subject"]?.count == 13)
        #expect(!prompter.asked.contains("Recipients to remove"))
        #expect(ticket.formID == "financial.change-the-intended-recipients-for-invoices")
        #expect(ticket.account == "lojabeta")
        #expect(ticket.requester.name == "Ana Souza")
        #expect(ticket.answers["keep_current_recipients"] == AnswerValue.boolean(true))
        #expect(ticket.answers.keys.sorted() == ["keep_current_recipients", "new_recipients", "what_happened"])
    }

    @Test("the authenticator code works once: a replay is refused")
    func totpReplay() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(password: Self.password, totp: Self.secret))
        let code = Self.totp(desk)
        let first = ScriptedPrompter([.text("password"), .text("ana@example.com"), .text(Self.password), .computed(code), .interrupt])
        _ = try await desk.run("financial-support", first)
        let again = ScriptedPrompter([.text("password"), .text("ana@example.com"), .text(Self.password), .computed(code), .interrupt])
        _ = try await desk.run("financial-support", again)
        #expect(again.said.contains("this authenticator code was already used; wait for the next one"))
    }

    @Test("commercial: password and an SMS code sent through the notifier to the phone")
    func commercialWithSMS() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(password: Self.password, phone: "+5511999990000"))
        let prompter = ScriptedPrompter([
            .text("password"), .text("ana@example.com"), .text(Self.password), .text("123456"),
            .computed(desk.codeReader("+5511999990000")),
            .text("Ana Souza"), .text("lojaana"), .text("new_additional_account"),
            .text("lojaananova"), .text("new_brand"), .text("Brazil"), .text("brl"),
            .text("send"),
        ])
        let outcome = try await desk.run("commercial-support", prompter)
        guard case .filed(let ticket) = outcome else { Issue.record("not filed: \(outcome)"); return }
        #expect(desk.notifier.messages.map(\.template) == ["sms-code"])
        #expect(desk.notifier.messages.first?.address == "+5511999990000")
        #expect(prompter.said.contains("A code is on its way to your phone ending in 00."))
        #expect(prompter.said.contains("the code is not right; 4 attempts left"))
        #expect(!prompter.asked.contains("Additional details"))
        #expect(ticket.answers["details"] == nil)
        #expect(ticket.account == "lojaana")
    }

    @Test("a user who may act for no account is stopped at identification")
    func noAccounts() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(accounts: []))
        let outcome = try await desk.run("financial-support", ScriptedPrompter(desk.emailSignIn()))
        guard case .refused(let message) = outcome else { Issue.record("\(outcome)"); return }
        #expect(message == "ana@example.com may not act for any account; ask an administrator to add yours")
    }

    @Test("Ctrl-C saves a draft; --resume signs in again and continues with the answers given")
    func interruptAndResume() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let first = ScriptedPrompter(desk.emailSignIn() + [.enter, .text("lojabeta"), .text("invoice_expiration_date"),
                                                           .text("We need more time to pay"), .interrupt])
        let interrupted = try await desk.run("financial-support", first)
        guard case .interrupted(.cancelled, true) = interrupted else { Issue.record("\(interrupted)"); return }
        desk.clock.advance(61)
        let second = ScriptedPrompter(desk.emailSignIn() + [.text("20"), .enter, .text("send")])
        let outcome = try await desk.run("financial-support", second, resume: true)
        guard case .filed(let ticket) = outcome else { Issue.record("not filed: \(outcome)"); return }
        #expect(second.said.contains { $0.hasPrefix("Continuing the draft saved") })
        #expect(!second.asked.contains("Request subject"))
        #expect(!second.asked.contains("What happened?"))
        #expect(second.finished)
        #expect(ticket.formID == "financial.change-monthly-invoice-expiration-date")
        #expect(ticket.account == "lojabeta")
        #expect(ticket.answers["what_happened"] == AnswerValue.text("We need more time to pay"))
    }

    @Test("the review edits an answer, and cancelling discards the draft")
    func reviewEditThenDiscard() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let prompter = ScriptedPrompter(desk.emailSignIn() + [
            .enter, .text("lojaana"), .text("admin_blocked"),
        ] + Self.adminBlocked + [
            .text("edit"), .text("account"), .text("lojabeta"),
            .text("cancel"), .text("no"),
            .text("cancel"), .text("yes"),
        ])
        let outcome = try await desk.run("financial-support", prompter)
        guard case .discarded = outcome else { Issue.record("\(outcome)"); return }
        #expect(prompter.finished)
        #expect(try await desk.store.count(status: nil) == 0)
        #expect(try await desk.drafts.load(key: FlowState.draftKey(workflowID: "financial-support", user: "ana@example.com"),
                                           now: desk.clock.now) == nil)
    }

    @Test("the review's edit changes what is filed")
    func reviewEditThenSend() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let prompter = ScriptedPrompter(desk.emailSignIn() + [.enter, .text("lojaana"), .text("admin_blocked")]
                                        + Self.adminBlocked + [.text("edit"), .text("account"), .text("lojabeta"), .text("send")])
        let outcome = try await desk.run("financial-support", prompter)
        guard case .filed(let ticket) = outcome else { Issue.record("\(outcome)"); return }
        #expect(ticket.account == "lojabeta")
    }

    /// Answers to financial.admin-blocked.
    static let adminBlocked: [ScriptedPrompter.Answer] = [
        .text("The Admin is blocked since Monday"), .text("2026-11-20"), .enter, .text("no"),
    ]
}
