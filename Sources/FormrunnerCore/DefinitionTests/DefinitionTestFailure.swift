/// One way a test case did not hold: what was checked, where in the case, and the lines expected
/// against the lines found.
public struct DefinitionTestFailure: Sendable, Hashable {
    /// Where in the case: `after filing`, `event 2 (solve at 2026-03-02T10:00-03:00)`, or empty for the answers.
    public var step: String
    /// What was checked: `errors`, `status`, `timers`…
    public var subject: String
    public var expected: [String]
    public var actual: [String]

    /// A failure of `subject` at `step`.
    public init(step: String, subject: String, expected: [String], actual: [String]) {
        self.step = step
        self.subject = subject
        self.expected = expected
        self.actual = actual
    }

    /// The heading of the failure: `event 2 (solve …): status`.
    public var heading: String { step.isEmpty ? subject : "\(step): \(subject)" }

    /// The expected and actual lines as a diff: `- ` expected only, `+ ` found only, `  ` both.
    public var diff: [String] {
        let (a, b) = (expected, actual)
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append("  " + a[i])
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && lengths[i + 1][j] >= lengths[i][j + 1]) {
                lines.append("- " + a[i])
                i += 1
            } else {
                lines.append("+ " + b[j])
                j += 1
            }
        }
        return lines
    }
}
