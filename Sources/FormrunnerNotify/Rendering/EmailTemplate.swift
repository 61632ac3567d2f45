import Foundation
import Mustache

/// An e-mail template split into its subject and body, both compiled as plain-text Mustache.
///
/// The source format is a first line `Subject: …`, a blank line, then the plain-text body.
/// Rendering never HTML-escapes: every template is compiled with the `TEXT` content type.
struct EmailTemplate: Sendable {
    var name: String
    var subject: MustacheTemplate
    var body: MustacheTemplate

    /// Splits and compiles `source`, the text of the template called `name`.
    init(name: String, source: String) throws(MessageRenderError) {
        self.name = name
        let text = source.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(),
              first.count >= Self.prefix.count,
              first.prefix(Self.prefix.count).lowercased() == Self.prefix.lowercased() else {
            throw .missingSubject(template: name)
        }
        let subjectSource = first.dropFirst(Self.prefix.count).trimmingCharacters(in: .whitespaces)
        if let blank = lines.popFirst(), !blank.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .missingBlankLine(template: name)
        }
        subject = try Self.compile(subjectSource, name: name, firstLine: 1)
        body = try Self.compile(lines.first.map(String.init) ?? "", name: name, firstLine: 3)
    }

    /// Compiles Mustache source as plain text (no HTML escaping); `firstLine` is the line of the
    /// template file the source starts on, for error messages.
    ///
    /// Text beyond ``TemplateBounds`` is refused before the parser sees it.
    static func compile(_ source: String, name: String, firstLine: Int = 1) throws(MessageRenderError) -> MustacheTemplate {
        if let problem = TemplateBounds.problem(in: source, firstLine: firstLine) {
            throw .invalidTemplate(name, reason: "\(problem.reason) (line \(problem.line))")
        }
        do {
            return try MustacheTemplate(string: textPragma + source)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.line.replacingOccurrences(of: textPragma, with: "")
            throw .invalidTemplate(name, reason: "\(error.error) on line \(firstLine + error.context.lineNumber - 1): \(line)")
        } catch {
            throw .invalidTemplate(name, reason: String(describing: error))
        }
    }

    private static let prefix = "Subject:"
    /// Selects the content type that escapes nothing; on the first line it is not standalone, so it
    /// leaves no blank line behind.
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}"
}
