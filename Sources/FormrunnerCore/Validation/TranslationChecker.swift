/// Warns about every text and e-mail template of the catalog that lacks a language the desk
/// declares (`languages: [en, pt, es]` in formrunner.yaml). A warning, not an error: a missing
/// translation falls back to English, so the catalog still works (`validate --strict` refuses it).
struct TranslationChecker {
    let sink: DiagnosticSink
    /// Where templates are, as diagnostics name them (`Workflows/templates`, under the root).
    let templateFolder: String

    func check(_ catalog: Catalog) {
        guard let languages = catalog.configuration?.languages, languages.contains(where: { $0 != "en" }) else { return }
        let declared = "formrunner.yaml declares languages: " + languages.joined(separator: ", ")
        for item in catalog.texts {
            let missing = item.text.missingLanguages(of: languages)
            guard !missing.isEmpty else { continue }
            sink.warning(.missingTranslation, "\(item.what) has no \(Self.list(missing)) translation (\(declared))", at: item.location)
        }
        for name in catalog.templates.keys.sorted() where Self.baseName(name) == name {
            let missing = languages.filter { $0 != "en" && catalog.templates["\(name).\($0)"] == nil }
            guard !missing.isEmpty else { continue }
            let files = missing.map { "\(name).\($0).mustache" }.joined(separator: ", ")
            sink.warning(.missingTemplateTranslation, "e-mail template '\(name)' has no \(Self.list(missing)) version: add \(files) (\(declared))",
                         at: SourceLocation(file: "\(templateFolder)/\(name).mustache", line: 1, column: 1))
        }
    }

    /// `confirmation` for `confirmation.pt`; a name without a language suffix is its own base.
    static func baseName(_ template: String) -> String {
        for language in LocalizedText.supportedLanguages where template.hasSuffix("." + language) {
            return String(template.dropLast(language.count + 1))
        }
        return template
    }

    /// `pt`, `pt or es`.
    static func list(_ languages: [String]) -> String {
        languages.count <= 1 ? languages.joined() : languages.dropLast().joined(separator: ", ") + " or " + languages.last!
    }
}
