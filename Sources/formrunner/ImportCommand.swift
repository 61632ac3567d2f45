import ArgumentParser
import FormrunnerCore

/// `formrunner import FORMAT FILE`: writes a formrunner form from another tool's form definition.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a formrunner form from a GitHub issue form or a SurveyJS survey.",
        discussion: """
        The form goes to standard output (or --output); what could not be carried over is listed on standard error, \
        one line each with the file and line it is written on. --check loads the form with the catalog (--catalog) \
        as if it were one of its files and writes it only when it is valid. See docs/importers.md. Exit status: 0 \
        when imported (things not carried over included), 1 when the file cannot be read as that format, the check \
        finds an error or --output exists, 64 on a usage error.
        """,
        subcommands: [ImportGitHubIssueForm.self, ImportSurveyJS.self]
    )
}

/// `formrunner import github-issue-form FILE.yml`.
struct ImportGitHubIssueForm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "github-issue-form",
        abstract: "Import a GitHub issue form (.github/ISSUE_TEMPLATE/*.yml)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run() throws {
        try ImportRun(global: global, options: options).run { (data, path, settings) throws(ImportFailure) in
            try GitHubIssueFormImporter(settings: settings).importForm(data, path: path)
        }
    }
}

/// `formrunner import surveyjs FILE.json`.
struct ImportSurveyJS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surveyjs",
        abstract: "Import a SurveyJS survey (its JSON)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    func run() throws {
        try ImportRun(global: global, options: options).run { (data, path, settings) throws(ImportFailure) in
            try SurveyJSImporter(settings: settings).importSurvey(data, path: path)
        }
    }
}
