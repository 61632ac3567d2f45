import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

/// The terminal's sign-in tells a stranger exactly what it tells a user: the same messages, the
/// same wrong-code count-down and the same resend cool-down.
@Suite("Sign-in in a terminal: unknown addresses")
struct SignInEnumerationTests {
    /// What the run said to someone signing in as `email` with a wrong code, then asking again at once.
    static func transcript(_ email: String) async throws -> [String] {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let script: [ScriptedPrompter.Answer] = [.text("email_token"), .text(email), .text("000000"), .text("000001"),
                                                 .text("resend"), .interrupt]
        let prompter = ScriptedPrompter(script)
        _ = try await desk.run("technical-support", prompter)
        return prompter.said.map { $0.replacingOccurrences(of: email, with: "ADDRESS") }
    }

    @Test("a known and an unknown address see the same words, count-down and cool-down")
    func sameAnswers() async throws {
        let known = try await Self.transcript("ana@example.com")
        let unknown = try await Self.transcript("zoe@example.com")
        #expect(known == unknown)
        #expect(known.contains("If ADDRESS may sign in here, a code is on its way to it."))
        #expect(known.contains("the code is not right; 4 attempts left"))
        #expect(known.contains("the code is not right; 3 attempts left"))
        #expect(known.contains { $0.hasPrefix("wait ") && $0.hasSuffix(" s before asking for another code") }, "\(known)")
    }
}
