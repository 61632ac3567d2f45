import Foundation
import FormrunnerCore
import Mustache

/// What `formrunner validate` checks in the e-mail templates, so that a broken template is found
/// before a ticket is filed rather than by every `tickets create` after: the `Subject:` line and
/// the blank line after it, the size and nesting limits, Mustache syntax, and that every variable a
/// template uses is one the desk gives it. Each problem is located at `path:line:column`.
public enum TemplateCheck {
    /// The variables every ticket e-mail sees (see ``MessageRenderer``).
    public static let ticketVariables: Set<String> = [
        "ticket.number", "ticket.title", "ticket.status", "ticket.status_id", "ticket.previous_status",
        "ticket.form_title", "ticket.form_id", "ticket.account", "requester.name", "requester.email",
        "message", "event", "desk.name", "survey.url", "ticket.team", "ticket.priority", "ticket.assignee",
        "ticket.merged_into",
    ]
    /// The variables of the one-time code e-mail and SMS.
    public static let codeVariables: Set<String> = ["code", "expires_minutes"]

    /// The problems of every template of `catalog`; `path` gives a template's file from its name.
    public static func diagnostics(of catalog: Catalog, path: (String) -> String) -> [Diagnostic] {
        let known = ticketVariables.union(codeVariables).union(catalog.lifecycles.values.flatMap { $0.variables.keys })
        return catalog.templates.keys.sorted().flatMap { name in
            diagnostics(of: catalog.templates[name] ?? "", name: name, file: path(name), known: known)
        }.map { diagnostic in
            var coded = diagnostic
            coded.code = coded.code ?? .emailTemplate
            return coded
        }
    }

    /// The problems of the template `name`, whose text is `source`, kept in `file`.
    static func diagnostics(of source: String, name: String, file: String, known: Set<String>) -> [Diagnostic] {
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let text = source.replacingOccurrences(of: "\r\n", with: "\n")
        if let problem = TemplateBounds.problem(in: text) {
            return [.error("e-mail template '\(name)': \(problem.reason)", at: at(problem.line))]
        }
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let first = lines.first.map(String.init) ?? ""
        guard first.lowercased().hasPrefix("subject:") else {
            return [.error(MessageRenderError.missingSubject(template: name).description, at: at(1))]
        }
        if lines.count > 1, !lines[1].trimmingCharacters(in: .whitespaces).isEmpty {
            return [.error(MessageRenderError.missingBlankLine(template: name).description, at: at(2))]
        }
        let subjectStart = first.dropFirst("Subject:".count)
        let subjectColumn = "Subject:".count + subjectStart.prefix(while: { $0 == " " || $0 == "\t" }).count + 1
        let subject = subjectStart.trimmingCharacters(in: .whitespaces)
        let body = lines.count > 2 ? String(lines[2]) : ""
        var found: [Diagnostic] = []
        for (part, line, column) in [(subject, 1, subjectColumn), (body, 3, 1)] {
            // The renderer compiles each part after a `{{% CONTENT_TYPE: TEXT}}` tag: a part that
            // starts with a combining mark would join that tag's last brace and break it.
            if let first = part.unicodeScalars.first, ("}" + String(first)).count == 1 {
                let code = "U+" + String(first.value, radix: 16, uppercase: true).leftPadded(to: 4)
                found.append(.error("e-mail template '\(name)' starts its \(line == 1 ? "subject" : "body") with \(code), "
                                    + "a character that joins the one before it; put a letter or a space before it",
                                    at: at(line, column)))
                continue
            }
            if let problem = syntaxProblem(part, line: line, column: column) {
                found.append(.error("e-mail template '\(name)' is not valid Mustache: \(problem.reason)",
                                    at: at(problem.line, problem.column)))
                continue
            }
            for tag in MustacheTags.scan(part, firstLine: line, firstColumn: column) where tag.isVariableUse {
                let root = tag.name
                guard root != ".", !known.contains(root) else { continue }
                found.append(.error("e-mail template '\(name)' uses '\(root)', which no e-mail is given"
                                    + Suggestion.hintOrList(for: root, in: known.sorted()), at: at(tag.line, tag.column)))
            }
        }
        return found
    }

    /// Where the parser refuses `source` (which starts at `line`, `column` of its file), or nil.
    static func syntaxProblem(_ source: String, line: Int, column: Int) -> (reason: String, line: Int, column: Int)? {
        do {
            _ = try MustacheTemplate(string: source)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            // The parser counts every Unicode line break (a lone CR, a form feed, U+2028…) as a new
            // line but its columns from the last "\n" only, so a form feed put its errors lines past
            // the end of the file: locate on a copy where only "\n" breaks lines.
            let context = newlineOnlyContext(source) ?? error.context
            let lastLine = source.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let contextLine = min(max(1, context.lineNumber), lastLine)
            let errorLine = line + contextLine - 1
            let errorColumn = contextLine == 1 ? column + context.columnNumber - 1 : context.columnNumber
            return ("\(error.error)", errorLine, max(1, errorColumn))
        } catch {
            return ("\(error)", line, column)
        }
    }
}

extension TemplateCheck {
    /// Where the parser refuses `source` once every line break other than "\n" is read as a space
    /// (one character for one, so columns stay), or nil when that copy parses.
    static func newlineOnlyContext(_ source: String) -> MustacheParserContext? {
        guard source.contains(where: { $0.isNewline && $0 != "\n" }) else { return nil }
        let copy = String(source.map { $0.isNewline && $0 != "\n" ? " " : $0 })
        do {
            _ = try MustacheTemplate(string: copy)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            return error.context
        } catch {
            return nil
        }
    }
}

extension MustacheTags.Tag {
    /// Whether the tag uses a variable: a plain, unescaped or section tag (not a comment, partial,
    /// delimiter change or section end).
    var isVariableUse: Bool {
        switch sigil {
        case nil, "{"?, "&"?, "#"?, "^"?: return !name.isEmpty
        default: return false
        }
    }
}

private extension String {
    /// The text with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
