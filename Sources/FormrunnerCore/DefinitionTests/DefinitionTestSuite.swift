/// One test file's run: its cases' results, or the mistakes that kept it from running.
public struct DefinitionTestSuite: Sendable, Hashable {
    /// The test file.
    public var path: String
    public var results: [DefinitionTestResult]
    /// The file's mistakes (errors only stop it); rendered with their excerpts by the caller.
    public var diagnostics: [Diagnostic]

    /// The run of `path`.
    public init(path: String, results: [DefinitionTestResult], diagnostics: [Diagnostic]) {
        self.path = path
        self.results = results
        self.diagnostics = diagnostics
    }

    /// Whether the file has mistakes (then none of its cases ran).
    public var hasMistakes: Bool { diagnostics.hasErrors }

    /// Whether every case passed and the file has no mistakes.
    public var passed: Bool { !hasMistakes && results.allSatisfy(\.passed) }

    /// The text a test runner prints: one line per case, `PASS` or `FAIL`, each failure's diff
    /// indented under it, then the totals.
    public static func text(_ suites: [DefinitionTestSuite]) -> String {
        var lines: [String] = []
        for suite in suites {
            for result in suite.results {
                lines.append((result.passed ? "PASS  " : "FAIL  ") + "\(result.location.file):\(result.location.line): \(result.name)")
                for failure in result.failures {
                    lines.append("      \(failure.heading):")
                    lines += failure.diff.map { "        " + $0 }
                }
            }
        }
        let results = suites.flatMap(\.results)
        let failed = results.filter { !$0.passed }.count
        var summary = "\(results.count) test(s) in \(suites.count) file(s): \(results.count - failed) passed, \(failed) failed"
        let broken = suites.filter(\.hasMistakes).count
        if broken > 0 { summary += ", \(broken) file(s) with mistakes (not run)" }
        lines.append(summary)
        return lines.map(\.terminalSafe).joined(separator: "\n") + "\n"
    }

    /// The failure's text as the report shows it: its heading, then its diff.
    static func describe(_ failure: DefinitionTestFailure) -> String {
        ([failure.heading + ":"] + failure.diff.map { "  " + $0 }).joined(separator: "\n")
    }
}
