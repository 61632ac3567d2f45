import Foundation

/// Reads a SurveyJS survey (its JSON) and builds the formrunner form that asks the same questions,
/// listing what it cannot carry over with the line it is written on.
///
/// Pages and panels become sections; `visibleIf` becomes `when:` (the subset of the expression
/// language in ``SurveyJSExpression``), `requiredIf` a form rule, validators the field's bounds,
/// pattern and format; localized strings keep their `pt` and `es` texts.
public struct SurveyJSImporter: Sendable {
    public var settings: ImportSettings

    public init(settings: ImportSettings = ImportSettings()) {
        self.settings = settings
    }

    /// Imports the survey held in `data`, read from `path` (the name the report gives).
    public func importSurvey(_ data: Data, path: String) throws(ImportFailure) -> ImportResult {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let limit = YAMLReader.Limits().maximumBytes
        if data.count > limit {
            throw ImportFailure([.error("file is too large (\(data.count) bytes; imported files are limited to \(limit) bytes)", at: start)],
                                source: "")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportFailure([.error("file is not valid UTF-8; a SurveyJS survey is JSON saved as UTF-8", at: start)], source: "")
        }
        let root: JSONSourceValue
        do {
            root = try JSONSourceParser.parse(text)
        } catch {
            throw ImportFailure([.error(error.message, at: SourceLocation(file: path, line: error.line, column: error.column))], source: text)
        }
        guard root.isObject, root["pages"]?.array != nil || root["elements"]?.array != nil || root["questions"]?.array != nil else {
            let found = root.isObject ? "an object with neither" : root.kindDescription
            throw ImportFailure([.error("not a SurveyJS survey: expected an object with 'pages' or 'elements', found \(found)",
                                        at: SourceLocation(file: path, line: root.line, column: root.column))], source: text)
        }
        var builder = SurveyJSFormBuilder(ledger: ImportLedger(file: path))
        let title = root["title"].flatMap { builder.text($0, subject: "survey", what: "title", line: root.member("title")?.line ?? 1) }
        let fallback = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let formID = settings.formID ?? GitHubIssueFormImporter.fallbackID(ImportSlug.formID(title?.english ?? fallback), path: path)
        var form = ImportedForm(id: formID, title: title ?? .init(fallback), team: settings.team)
        form.description = root["description"].flatMap {
            builder.text($0, subject: "survey", what: "description", line: root.member("description")?.line ?? 1)
        }
        builder.surveyLosses(root)
        builder.build(root, surveyTitle: form.title)
        if builder.needsSections {
            form.sections = builder.sections
        } else {
            form.fields = builder.sections.flatMap(\.fields)
        }
        form.rules = builder.rules
        form.comments = ["Imported from \((path as NSString).lastPathComponent) (a SurveyJS survey) by `formrunner import surveyjs`."]
        return ImportResult(form: form, losses: builder.ledger.lossesByLine)
    }
}
