import Foundation

/// Renders diagnostics as text: the `path:line:col: error: message` line, the source line with a
/// line-number gutter, and a caret under the column (in the style of swift-syntax's formatter).
public struct DiagnosticRenderer: Sendable {
    /// The text of every file a diagnostic may point into, by path.
    public var sources: [String: String] {
        didSet { lines = Self.lines(of: sources) }
    }
    /// The lines of every source, split once: looking each excerpt up from the start of its file
    /// made 20,000 diagnostics in one file take minutes.
    private var lines: [String: [Substring]]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
        lines = Self.lines(of: sources)
    }

    /// The whole rendered text of one diagnostic, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.headline.replacingOccurrences(of: "\n", with: " ").terminalSafe + "\n"
        if let location = diagnostic.location {
            out += excerpt(at: location)
        }
        for note in diagnostic.notes {
            let prefix = note.location.map { "\($0): " } ?? ""
            out += "\(prefix)note: \(note.message)".replacingOccurrences(of: "\n", with: " ").terminalSafe + "\n"
        }
        return out
    }

    /// Every diagnostic rendered, in order, followed by a summary line when there is more than none.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// The widest excerpt shown, in Unicode scalars: a longer line (minified JSON, 10,000 nested
    /// brackets) is cut to the part around the caret, with `…` where text was left out.
    static let maximumExcerptWidth = 200

    /// ` 12 |     type: emial` and `    |           ^`, or nothing when the line is unknown.
    func excerpt(at location: SourceLocation) -> String {
        guard let fileLines = lines[location.file], fileLines.indices.contains(location.line - 1) else { return "" }
        let line = fileLines[location.line - 1]
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        let (shown, caretColumn) = Self.clipped(Array(Self.neutralised(line).unicodeScalars), caret: location.column - 1)
        // Keep tabs in the padding so the caret lines up under tab-indented text.
        let lead = String(String.UnicodeScalarView(shown.prefix(caretColumn).map { $0 == "\t" ? "\t" : " " }))
        return " \(gutter) | \(String(String.UnicodeScalarView(shown)))\n \(pad) | \(lead)^\n"
    }

    /// The part of `line` to show and the caret's column in it (0-based, clamped to the line).
    static func clipped(_ line: [Unicode.Scalar], caret: Int) -> (shown: [Unicode.Scalar], caret: Int) {
        let caret = max(0, min(caret, line.count))
        guard line.count > maximumExcerptWidth else { return (line, caret) }
        let start = max(0, min(caret - maximumExcerptWidth * 2 / 5, line.count - maximumExcerptWidth))
        let end = min(line.count, start + maximumExcerptWidth)
        let head: [Unicode.Scalar] = start > 0 ? ["…"] : []
        let tail: [Unicode.Scalar] = end < line.count ? ["…"] : []
        return (head + line[start..<end] + tail, caret - start + head.count)
    }

    /// The lines of each text, without their terminators (`\n`, `\r\n` or `\r`).
    static func lines(of sources: [String: String]) -> [String: [Substring]] {
        sources.mapValues { $0.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" } }
    }

    /// The line with control characters (other than tab) shown as `?`, so an excerpt never drives the terminal.
    static func neutralised(_ line: Substring) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { scalar in
            if scalar == "\t" { return scalar }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return "?" }
            return scalar
        }))
    }
}
