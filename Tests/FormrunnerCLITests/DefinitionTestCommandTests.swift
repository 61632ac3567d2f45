import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `formrunner test`: the definition tests kept beside the definitions, run like a test runner.
@Suite("formrunner test")
struct DefinitionTestCommandTests {
    /// A test file with one passing case and two failing ones (a form case and a life-cycle case).
    static let failingFile = """
    form: commercial.new-trade-policy
    answers:
      policy_name: Atacado B2B
      sales_channel: b2b
    tests:
      - name: a listed currency needs no code
        answers: {currency: brl}
        expect: {valid: true, hidden: [other_currency], priority: low}

      - name: another currency needs no code either
        answers: {currency: other}
        expect: {valid: true, hidden: [other_currency], priority: normal}

      - name: a solved ticket closes two working days later
        answers: {currency: brl}
        at: 2026-03-02T10:00-03:00
        events:
          - at: 2026-03-03T10:00-03:00
            event: solve
            as: agent
            expect:
              status: solved
              timers: {close: 2026-03-05T10:00-03:00}
              emails:
                - {template: solved, to: requester, subject: "[Support] Ticket #1 solved"}

    """

    /// A copy of the catalog whose only test file is `Forms/commercial/trade.test.yaml` holding `text`.
    static func withTestFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        try CommandRunner.withCatalogCopy { catalog in
            for folder in ["Forms", "Workflows"] {
                let root = catalog + "/" + folder
                for entry in FileManager.default.subpaths(atPath: root) ?? [] where entry.hasSuffix(".test.yaml") {
                    try FileManager.default.removeItem(atPath: root + "/" + entry)
                }
            }
            try text.write(toFile: catalog + "/Forms/commercial/trade.test.yaml", atomically: true, encoding: .utf8)
            return try body(catalog)
        }
    }

    @Test("the catalog's own definition tests all pass")
    func catalogPasses() throws {
        let run = try CommandRunner.run(["test"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("FAIL"))
        #expect(run.stderr == "")
    }

    @Test("a failing case is reported with a diff of what was expected and what happened, and exits 1")
    func failingCase() throws {
        try Self.withTestFile(Self.failingFile) { catalog in
            let run = try CommandRunner.run(["test"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr == "")
            #expect(run.stdout == Self.failingText, "\(run.stdout)")
        }
    }

    static let failingText = """
    PASS  Forms/commercial/trade.test.yaml:6: a listed currency needs no code
    FAIL  Forms/commercial/trade.test.yaml:10: another currency needs no code either
          valid:
            - valid
            + other_currency: 'Which currency?' is required
          fields:
            - other_currency: hidden
            + other_currency: shown
          priority:
            - normal
            + (none: the answers are not valid)
    FAIL  Forms/commercial/trade.test.yaml:14: a solved ticket closes two working days later
          event 1 (solve at 2026-03-03T10:00-03:00): timers:
            - close: 2026-03-05T10:00-03:00
            + close: 2026-03-06T10:00-03:00
          event 1 (solve at 2026-03-03T10:00-03:00): emails:
            - solved to requester: "[Support] Ticket #1 solved"
            + solved to requester: "[Support] Ticket #1 solved: New Trade Policy"
    3 test(s) in 1 file(s): 1 passed, 2 failed

    """

    @Test("--format junit prints the same run as JUnit XML that parses")
    func junit() throws {
        try Self.withTestFile(Self.failingFile) { catalog in
            let run = try CommandRunner.run(["test", "--format", "junit"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stdout == Self.failingJUnit, "\(run.stdout)")
            #expect(XMLParser(data: Data(run.stdout.utf8)).parse())
        }
    }

    static let failingJUnit = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="formrunner test" tests="3" failures="2" errors="0">
      <testsuite name="Forms/commercial/trade.test.yaml" tests="3" failures="2" errors="0">
        <testcase name="a listed currency needs no code" classname="Forms/commercial/trade.test.yaml" file="Forms/commercial/trade.test.yaml" line="6"/>
        <testcase name="another currency needs no code either" classname="Forms/commercial/trade.test.yaml" file="Forms/commercial/trade.test.yaml" line="10">
          <failure message="valid; fields; priority" type="expectation">valid:
      - valid
      + other_currency: &apos;Which currency?&apos; is required
    fields:
      - other_currency: hidden
      + other_currency: shown
    priority:
      - normal
      + (none: the answers are not valid)</failure>
        </testcase>
        <testcase name="a solved ticket closes two working days later" classname="Forms/commercial/trade.test.yaml" file="Forms/commercial/trade.test.yaml" line="14">
          <failure message="event 1 (solve at 2026-03-03T10:00-03:00): timers; event 1 (solve at 2026-03-03T10:00-03:00): emails" type="expectation">event 1 (solve at 2026-03-03T10:00-03:00): timers:
      - close: 2026-03-05T10:00-03:00
      + close: 2026-03-06T10:00-03:00
    event 1 (solve at 2026-03-03T10:00-03:00): emails:
      - solved to requester: &quot;[Support] Ticket #1 solved&quot;
      + solved to requester: &quot;[Support] Ticket #1 solved: New Trade Policy&quot;</failure>
        </testcase>
      </testsuite>
    </testsuites>

    """

    @Test("a test file with mistakes is reported like validate reports a definition, and none of its cases run")
    func mistakes() throws {
        let text = """
        form: commercial.new-trade-policy
        tests:
          - name: mistakes
            answers: {policy_name: Atacado, colour: blue}
            at: 2026-03-02T10:00
            expect: {shown: [other_curency]}
            events:
              - {at: 2026-03-03T10:00-03:00, event: slove, as: agent}

        """
        try Self.withTestFile(text) { catalog in
            let run = try CommandRunner.run(["test"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr == Self.mistakesText, "\(run.stderr)")
            #expect(run.stdout == "0 test(s) in 1 file(s): 0 passed, 0 failed, 1 file(s) with mistakes (not run)\n")
        }
    }

    static let mistakesText = """
    Forms/commercial/trade.test.yaml:4:37: error: form 'commercial.new-trade-policy' has no field 'colour'
     4 |     answers: {policy_name: Atacado, colour: blue}
       |                                     ^
    Forms/commercial/trade.test.yaml:5:9: error: '2026-03-02T10:00' is not an instant; write it as in --now, with its offset: 2026-03-02T10:00-03:00 (or 2026-03-02T13:00Z)
     5 |     at: 2026-03-02T10:00
       |         ^
    Forms/commercial/trade.test.yaml:6:22: error: form 'commercial.new-trade-policy' has no field 'other_curency'; did you mean 'other_currency'?
     6 |     expect: {shown: [other_curency]}
       |                      ^
    Forms/commercial/trade.test.yaml:8:45: error: unknown event 'slove' in lifecycle 'ticket-lifecycle'; did you mean 'solve'?
     8 |       - {at: 2026-03-03T10:00-03:00, event: slove, as: agent}
       |                                             ^

    """

    @Test("validate leaves test files to `formrunner test`, and says so when one is named")
    func validateLeavesTests() throws {
        try Self.withTestFile(Self.failingFile) { catalog in
            let whole = try CommandRunner.run(["validate"], in: catalog)
            #expect(whole.status == 0, "\(whole.stderr)")
            let named = try CommandRunner.run(["validate", "Forms/commercial/trade.test.yaml"], in: catalog)
            #expect(named.status == 64)
            #expect(named.stderr.hasPrefix("Error: 'Forms/commercial/trade.test.yaml' is a definition test, not a definition; "
                                           + "run it with `formrunner test Forms/commercial/trade.test.yaml`\n"), "\(named.stderr)")
        }
    }

    @Test("a named file that is not a test file, or a catalog without tests, is refused with the reason")
    func nothingToRun() throws {
        let named = try CommandRunner.run(["test", "Forms/survey.yaml"])
        #expect(named.status == 64)
        #expect(named.stderr.hasPrefix("Error: 'Forms/survey.yaml' is not a test file: test files are named NAME.test.yaml\n"),
                "\(named.stderr)")
        try Self.withTestFile("") { catalog in
            try FileManager.default.removeItem(atPath: catalog + "/Forms/commercial/trade.test.yaml")
            let none = try CommandRunner.run(["test"], in: catalog)
            #expect(none.status == 1)
            #expect(none.stderr == "formrunner: no test files (NAME.test.yaml) in the catalog's Forms/ and Workflows/\n")
        }
    }
}
