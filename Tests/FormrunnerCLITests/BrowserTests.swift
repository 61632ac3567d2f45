import Foundation
import Testing

/// The real-browser end-to-end tests of `formrunner serve` (Tests/Browser: pytest and Playwright for
/// Python driving Debian's Chromium), run as part of `swift test` on the binary built beside the tests.
@Suite("The web portal in a real browser")
struct BrowserTests {
    /// The Python tests, from the repository root.
    static let suite = "Tests/Browser"
    /// Debian's Chromium; Playwright's own browser download is never used.
    static let chromium = "/usr/bin/chromium"
    /// How long the whole browser suite may run before it is stopped, in seconds.
    static let timeLimit: TimeInterval = 15 * 60

    @Test("every page of formrunner serve passes the browser tests in Tests/Browser")
    func browserSuite() throws {
        let missing = try BrowserSuiteRun.missingTools(chromium: Self.chromium)
        #expect(missing.isEmpty, """
            The browser tests need \(missing.joined(separator: " and ")): `bash .ci/run` installs them \
            (Debian's chromium with apt, playwright and pytest with pip; never `playwright install`).
            """)
        guard missing.isEmpty else { return }
        let run = try BrowserSuiteRun.pytest(["-q", "-x", Self.suite], binary: CommandRunner.binary,
                                             in: CommandRunner.repository, timeLimit: Self.timeLimit)
        #expect(!run.timedOut, "pytest \(Self.suite) ran longer than \(Int(Self.timeLimit / 60)) minutes and was stopped:\n\(run.output)")
        #expect(run.status != 5, "pytest found no tests in \(Self.suite):\n\(run.output)")
        #expect(run.status == 0, """
            pytest \(Self.suite) exited \(run.status); screenshots and pages of the failure are in \
            \(Self.suite)/artifacts/:
            \(run.output)
            """)
    }
}
