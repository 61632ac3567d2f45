import Foundation

/// A posted form: its text values by name (a name may repeat: checkboxes), the files uploaded for
/// each name (already on disk), and the uploads refused while reading, with the reason.
struct FormBody: Sendable {
    var values: [String: [String]] = [:]
    var files: [String: [UploadedFile]] = [:]
    /// Field name → why its upload was refused (too large, too many files).
    var refused: [String: String] = [:]

    /// The first value posted under `name`.
    func first(_ name: String) -> String? { values[name]?.first }

    /// Parses `application/x-www-form-urlencoded` text.
    static func urlEncoded(_ text: String) -> FormBody {
        var body = FormBody()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            body.values[name, default: []].append(value)
        }
        return body
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// A file uploaded with a form, stored in the portal's upload folder under its own name.
struct UploadedFile: Sendable {
    /// The name the browser gave (its last path component, made safe).
    var name: String
    /// Where it is on disk.
    var path: String
    var size: Int64
}
