import Foundation

/// Limits checked on a Mustache template's text before it is parsed: the parser recurses once per
/// nested section, so a template of a thousand nested sections would overflow the stack and kill
/// the process, and a huge template costs every command that parses it.
public enum TemplateBounds {
    /// The largest template, in bytes of UTF-8 (64 KiB: e-mail templates are a few hundred bytes).
    public static let maximumBytes = 64 * 1024
    /// The deepest nesting of sections (`{{#…}}`, `{{^…}}`).
    public static let maximumDepth = 24

    /// Why `source` is beyond the limits, with the 1-based line (counted from `firstLine`) of the
    /// tag that goes too deep, or nil when it is within them.
    ///
    /// The scan follows set-delimiter tags (`{{=<% %>=}}`) and triple mustaches, as the parser does;
    /// it is linear in the size of the text.
    public static func problem(in source: String, firstLine: Int = 1) -> (reason: String, line: Int)? {
        let size = source.utf8.count
        if size > maximumBytes {
            return ("the template has \(size) bytes; at most \(maximumBytes) are allowed", firstLine)
        }
        var depth = 0
        for tag in MustacheTags.scan(source, firstLine: firstLine) {
            switch tag.sigil {
            case "#"?, "^"?:
                depth += 1
                if depth > maximumDepth {
                    return ("sections are nested \(depth) deep; at most \(maximumDepth) levels are allowed", tag.line)
                }
            case "/"?:
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }
}
