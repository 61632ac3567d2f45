import Foundation

extension String {
    /// The text without ANSI escape sequences (CSI sequences and two-byte escapes).
    var withoutEscapes: String {
        replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[ -/]*[@-~]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}[@-_]", with: "", options: .regularExpression)
    }

    /// What the last frame drew: the text after the last erase-below sequence, without escapes.
    var lastFrame: String {
        guard let range = range(of: "\u{1B}[J", options: .backwards) else { return withoutEscapes }
        return String(self[range.upperBound...]).withoutEscapes
    }
}
