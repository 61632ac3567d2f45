import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

@Suite("Resuming a draft")
struct ResumeTests {
    @Test("a prefilled answer the person never confirmed is asked again after --resume")
    func unconfirmedPrefill() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let code = desk.codeReader()
        let first = ScriptedPrompter(desk.emailSignIn() + TechnicalFlowTests.assistant
                                     + [.computed(code), .text("Checkout broken"), .interrupt])
        guard case .interrupted(.cancelled, true) = try await desk.run("technical-support", first) else {
            Issue.record("not interrupted"); return
        }
        desk.clock.advance(61)
        let second = ScriptedPrompter(desk.emailSignIn() + [
            .enter, .text("learning"), .enter, .text("end_users"), .text("critical"), .text("production"),
            .text("unexpected_behavior"), .enter, .text("send"),
        ])
        let outcome = try await desk.run("technical-support", second, resume: true)
        guard case .filed(let ticket) = outcome else { Issue.record("\(outcome)"); return }
        #expect(second.asked.contains("Description"))
        #expect(!second.asked.contains("Title"))
        #expect(ticket.answers["title"] == AnswerValue.text("Checkout broken"))
    }

    @Test("resumed within the code's cool-down, the code already sent is the one to type")
    func codeStillWaiting() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana(password: IdentifiedFlowTests.password, totp: IdentifiedFlowTests.secret))
        let totp = IdentifiedFlowTests.totp(desk)
        let signIn: [ScriptedPrompter.Answer] = [.text("password"), .text("ana@example.com"), .text(IdentifiedFlowTests.password),
                                                 .text("totp"), .computed(totp)]
        let sent = Remembered()
        let code = desk.codeReader()
        let first = ScriptedPrompter(signIn + TechnicalFlowTests.assistant + [.computed { _ = sent.keep(code()); return "resend" }, .interrupt])
        _ = try await desk.run("technical-support", first)
        desk.clock.advance(31)
        let second = ScriptedPrompter(signIn + [.computed { sent.value }, .interrupt])
        _ = try await desk.run("technical-support", second, resume: true)
        #expect(second.said.contains("The code sent a moment ago still works; type resend for a new one in 29 s."))
        #expect(!second.said.contains { $0.hasPrefix("wait ") })
        #expect(second.asked.last == "Title")
        #expect(desk.notifier.messages.count == 1)
    }
}
