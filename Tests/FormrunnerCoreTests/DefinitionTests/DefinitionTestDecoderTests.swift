import Foundation
import Testing
@testable import FormrunnerCore

/// Mistakes in definition test files: each reported once, at its line and column, with the fix.
@Suite("Definition tests: mistakes in test files")
struct DefinitionTestDecoderTests {
    static let catalog = CatalogLoader(root: Fixtures.repository).load().catalog

    /// The diagnostics of `text` read as `Forms/x.test.yaml`, one `line:col: message` each.
    static func mistakes(_ text: String) -> [String] {
        DefinitionTestFile.decode(Data(text.utf8), path: "Forms/x.test.yaml", catalog: catalog).diagnostics
            .map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-"): \($0.message)" }
    }

    @Test("every kind of mistake in a test file is reported at once with its own message")
    func everyMistake() {
        let text = """
        form: financial.vtex-platfrom-sla
        tests:
          - name: no form
            answers: {what_happened: x}
          - name: wrong references
            form: financial.vtex-platform-sla
            requester: {email: ana}
            at: 2026-03-02T10:00-03:00
            expect: {priority: hihg, status: slved, timers: {clse: 2026-03-05T10:00-03:00}, refused: no, valid: true}
            events:
              - {at: 2026-03-01T10:00-03:00, event: solve}
              - at: 2026-03-03T10:00-03:00
                event: reply
                expect:
                  shown: [what_happened]
                  emails: [{template: slved, to: boss}]
          - name: no filing
            form: financial.vtex-platform-sla
            expect: {status: open, timers: open}
            events: []
          - name: no filing
            form: financial.vtex-platform-sla
            expect: {valid: treu}
        """
        #expect(Self.mistakes(text) == [
            "1:7: unknown form 'financial.vtex-platfrom-sla'; did you mean 'financial.vtex-platform-sla'?",
            "7:24: 'ana' is not an e-mail address",
            "9:24: unknown priority 'hihg'; did you mean 'high'?",
            "9:38: unknown status 'slved' in lifecycle 'ticket-lifecycle'; did you mean 'solved'?",
            "9:54: unknown timer 'clse'; did you mean 'close'?",
            "9:85: 'refused' applies to an event: write it in the 'expect' of one of the test's 'events'",
            "11:14: this event is before the one before it (or the filing); events happen in the order written",
            "11:45: 'solve' may be fired by agent or requester; say which with 'as:'",
            "15:11: 'shown' is about the answers; write it in the test's own 'expect', not an event's",
            "16:31: unknown template 'slved'; did you mean 'solved'?",
            "16:42: 'boss' is not a recipient; write requester, agent or an e-mail address",
            "19:14: 'status' needs a filed ticket: give the test an 'at:' instant at which it is filed",
            "19:28: 'timers' needs a filed ticket: give the test an 'at:' instant at which it is filed",
            "20:5: events happen to a filed ticket: give the test an 'at:' instant at which the ticket is filed",
            "23:21: expected true or false for 'valid', found 'treu'",
        ])
    }

    @Test("a test without a form, a second test of the same name, a ticket of a form without a life cycle and an unknown event are mistakes")
    func references() {
        let text = """
        tests:
          - name: nameless form
            answers: {a: b}
          - name: twice
            form: survey
            expect: {valid: true}
          - name: twice
            form: survey
            expect: {valid: false}
          - name: a survey is not a ticket
            form: survey
            at: 2026-03-02T10:00-03:00
          - name: an unknown answer that the test expects is no mistake
            form: financial.vtex-platform-sla
            answers: {colour: blue}
            at: 2026-03-02T10:00-03:00
            expect: {errors: ["colour: the form is wrong"]}
            events:
              - {at: 2026-03-02T11:00-03:00, event: reopen}
        """
        #expect(Self.mistakes(text) == [
            "2:5: the test names no form: write 'form: ID' in it, or once at the top of the file",
            "7:5: a second test named 'twice'; give each test of a file its own name",
            "12:5: form 'survey' has no life cycle, so no ticket can be filed at 'at'",
            "19:45: unknown event 'reopen' in lifecycle 'ticket-lifecycle'; expected one of ask, close, comment, reply, solve, tick",
        ])
    }

    @Test("a test file that is not a mapping with a list of tests says what it must hold")
    func shape() {
        #expect(Self.mistakes("- name: a") == ["1:1: a test file must be a mapping with 'tests:', a list of test cases"])
        #expect(Self.mistakes("tests: a") == ["1:8: expected a list of test cases for 'tests', found text 'a'"])
        #expect(Self.mistakes("form: survey") == ["1:1: missing key 'tests' in a test file"])
    }
}
