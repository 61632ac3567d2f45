import Foundation
import FormrunnerCore

/// What `formrunner validate` checks in the macros (`Workflows/macros.yaml`): each body's size and
/// nesting limits, its Mustache syntax, and that every variable it uses is one a macro is given
/// (``MacroRenderer/variables``). Each problem is located at `path:line:column` in the YAML file.
public enum MacroCheck {
    /// The problems of every macro of `catalog` (whose `sources` give the indentation of block scalars).
    public static func diagnostics(of catalog: Catalog) -> [Diagnostic] {
        let known = MacroRenderer.variables.union(catalog.lifecycles.values.flatMap { $0.variables.keys })
        var found: [Diagnostic] = []
        for macro in catalog.macros.values.sorted(by: { $0.location < $1.location }) {
            for body in macro.bodies {
                found += diagnostics(of: body, macro: macro.id, known: known, source: catalog.sources[body.location.file])
            }
        }
        for index in found.indices where found[index].code == nil { found[index].code = .macroBody }
        return found
    }

    static func diagnostics(of body: MacroDefinition.Body, macro: String, known: Set<String>, source: String?) -> [Diagnostic] {
        let place = Place(body: body, source: source)
        let what = "the '\(body.language)' body of macro '\(macro)'"
        if let problem = TemplateBounds.problem(in: body.text) {
            return [.error("\(what): \(problem.reason)", at: place.location(line: problem.line, column: 1))]
        }
        if let problem = TemplateCheck.syntaxProblem(body.text, line: 1, column: 1) {
            return [.error("\(what) is not valid Mustache: \(problem.reason)",
                           at: place.location(line: problem.line, column: problem.column))]
        }
        return MustacheTags.scan(body.text).filter(\.isVariableUse).compactMap { tag in
            guard tag.name != ".", !known.contains(tag.name) else { return nil }
            return .error("\(what) uses '\(tag.name)', which no macro is given" + Suggestion.hintOrList(for: tag.name, in: known.sorted()),
                          at: place.location(line: tag.line, column: tag.column))
        }
    }

    /// Maps a line and column of a body's text to its file.
    private struct Place {
        let body: MacroDefinition.Body
        let source: String?

        func location(line: Int, column: Int) -> SourceLocation {
            let start = body.location
            guard body.isBlock else {
                return SourceLocation(file: start.file, line: start.line + line - 1,
                                      column: line == 1 ? start.column + column - 1 : column)
            }
            // A block scalar's text starts on the next line, indented like its first line.
            let fileLine = start.line + line
            let indent = source.flatMap { text -> Int? in
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                guard start.line < lines.count else { return nil }
                return lines[start.line].prefix { $0 == " " }.count
            } ?? 0
            return SourceLocation(file: start.file, line: fileLine, column: indent + column)
        }
    }
}
