import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

/// Issue 14, item 1: a known address must not answer slower than an unknown one. The code e-mail
/// goes out after the answer (terminal and web alike), and the answer does the same store work for
/// both, so nothing but the mailbox tells them apart. Proven by outcome, never by a stopwatch.
@Suite("Sign-in codes: the same work for known and unknown addresses")
struct SignInTimingTests {
    /// What the terminal did for `email` up to the code prompt: what it said, the store operations,
    /// and how many code e-mails had been delivered when the prompt came.
    static func terminal(_ email: String) async throws -> (said: [String], operations: [String], deliveredAtPrompt: Int,
                                                           delivered: [OutboxMessage]) {
        var desk = FlowDesk()
        desk.deliverCodesInline = false
        try await desk.directory.add(try FlowDesk.ana())
        let log = OperationLog()
        let gate = GateNotifier()
        var services = desk.services
        services.mail = gate
        services.codes = LoggedCodes(base: desk.codes, log: log)
        services.directory = LoggedDirectory(base: desk.directory, log: log)
        let atPrompt = Remembered()
        let prompter = ScriptedPrompter([.text("email_token"), .text(email), .computed {
            _ = atPrompt.keep(String(gate.finishedCount))
            return "000000"
        }, .interrupt])
        let flow = try #require(FlowDesk.catalog.workflows["technical-support"])
        _ = try await FlowRunner(flow: flow, services: services, prompter: prompter).run()
        let operations = log.all
        gate.open()
        let delivered = try await gate.delivered(count: email == "ana@example.com" ? 1 : 0)
        return (prompter.said.map { $0.replacingOccurrences(of: email, with: "ADDRESS") }, operations,
                Int(atPrompt.value) ?? -1, delivered)
    }

    @Test("in a terminal, the code prompt comes before the e-mail is delivered, for a known address as for an unknown one")
    func terminalAnswersFirst() async throws {
        let known = try await Self.terminal("ana@example.com")
        let unknown = try await Self.terminal("zoe@example.com")
        #expect(known.deliveredAtPrompt == 0)
        #expect(unknown.deliveredAtPrompt == 0)
        #expect(known.said == unknown.said)
        #expect(known.operations == unknown.operations)
        #expect(known.operations.first == "codes.issue", "\(known.operations)")
        // The e-mail still goes out, after the prompt, and only to the known address.
        #expect(known.delivered.map(\.address) == ["ana@example.com"])
        #expect(unknown.delivered.isEmpty)
    }

    /// A code request through the sign-in service, as the web portal makes it (after the answer).
    static func request(_ email: String) async throws -> (result: SignInService.CodeRequest, operations: [String],
                                                          deliveredAtAnswer: Int, delivered: [OutboxMessage]) {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let log = OperationLog()
        let gate = GateNotifier()
        var services = desk.services
        services.mail = gate
        services.codes = LoggedCodes(base: desk.codes, log: log)
        services.directory = LoggedDirectory(base: desk.directory, log: log)
        let step = StepDefinition.Authentication(methods: [.emailToken], secondFactors: [])
        let result = try await SignInService(step: step, services: services).requestEmailCode(to: email, inBackground: true)
        let deliveredAtAnswer = gate.finishedCount
        let operations = log.all
        gate.open()
        let delivered = try await gate.delivered(count: email == "ana@example.com" ? 1 : 0)
        return (result, operations, deliveredAtAnswer, delivered)
    }

    @Test("on the web, a code request answers the same, after the same store operations, before any e-mail is delivered")
    func webAnswersFirst() async throws {
        let known = try await Self.request("ana@example.com")
        let unknown = try await Self.request("zoe@example.com")
        #expect(known.result == .accepted(phoneEnding: nil))
        #expect(unknown.result == known.result)
        #expect(known.operations == unknown.operations)
        #expect(known.operations == ["codes.issue", "users.user"])
        #expect(known.deliveredAtAnswer == 0 && unknown.deliveredAtAnswer == 0)
        #expect(known.delivered.map(\.address) == ["ana@example.com"])
        #expect(unknown.delivered.isEmpty)
    }
}
