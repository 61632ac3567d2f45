import Foundation

/// Reads the file paths typed for a `files` field.
enum FilePaths {
    /// The paths in `text`, separated by commas or newlines; surrounding quotes are removed,
    /// `\ ` (as terminals paste dropped files) becomes a space, and a leading `~/` is the home folder.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { clean(String($0)) }
            .filter { !$0.isEmpty }
    }

    private static func clean(_ item: String) -> String {
        var path = item.trimmingCharacters(in: .whitespaces)
        if path.count >= 2, let first = path.first, first == "'" || first == "\"", path.last == first {
            path = String(path.dropFirst().dropLast())
        } else {
            path = path.replacingOccurrences(of: "\\ ", with: " ")
        }
        if path == "~" || path.hasPrefix("~/") {
            path = NSHomeDirectory() + path.dropFirst()
        }
        return path
    }
}
