/// Definition test runs as JUnit XML, the report CI systems read: one `<testsuite>` per test file,
/// one `<testcase>` per case with a `<failure>` holding its diff; a file with mistakes is one
/// `<testcase>` with an `<error>` listing them. No timings, so that the report of a run is stable.
public enum JUnitReport {
    /// The XML document for `suites`.
    public static func xml(_ suites: [DefinitionTestSuite]) -> String {
        let all = suites.flatMap(\.results)
        let broken = suites.filter(\.hasMistakes)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"formrunner test\" tests=\"\(all.count + broken.count)\" "
                + "failures=\"\(all.filter { !$0.passed }.count)\" errors=\"\(broken.count)\">",
        ]
        for suite in suites {
            let failures = suite.results.filter { !$0.passed }.count
            let errors = suite.hasMistakes ? 1 : 0
            lines.append("  <testsuite name=\"\(escaped(suite.path))\" tests=\"\(suite.results.count + errors)\" "
                         + "failures=\"\(failures)\" errors=\"\(errors)\">")
            if suite.hasMistakes {
                let mistakes = suite.diagnostics.filter { $0.severity == .error }
                lines.append("    <testcase name=\"(test file)\" classname=\"\(escaped(suite.path))\" file=\"\(escaped(suite.path))\">")
                lines.append("      <error message=\"\(escaped("\(mistakes.count) mistake(s) in the test file; it was not run"))\" "
                             + "type=\"test file\">\(content(mistakes.map(\.description).joined(separator: "\n")))</error>")
                lines.append("    </testcase>")
            }
            for result in suite.results {
                let open = "    <testcase name=\"\(escaped(result.name))\" classname=\"\(escaped(suite.path))\" "
                    + "file=\"\(escaped(result.location.file))\" line=\"\(result.location.line)\""
                guard !result.passed else {
                    lines.append(open + "/>")
                    continue
                }
                lines.append(open + ">")
                let message = result.failures.map(\.heading).joined(separator: "; ")
                let body = result.failures.map(DefinitionTestSuite.describe).joined(separator: "\n")
                lines.append("      <failure message=\"\(escaped(message))\" type=\"expectation\">\(content(body))</failure>")
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as element content: escaped, its line breaks kept as they are.
    static func content(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: "&#10;", with: "\n")
    }

    /// `text` safe in XML 1.0 text and attribute values: markup escaped, characters XML cannot hold
    /// replaced by `?`.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF && !(0x7F...0x9F).contains(value)
                out.unicodeScalars.append(allowed ? scalar : "?")
            }
        }
        return out
    }
}
