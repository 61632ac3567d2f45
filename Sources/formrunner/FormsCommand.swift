import ArgumentParser
import FormrunnerCore

/// `formrunner forms list|show ID`.
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "List the catalog's forms or show one.",
        subcommands: [List.self, Show.self]
    )

    /// `forms list`: one line per form, or JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every form: id, version, team and title.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let catalog = try CatalogSession.load(global)
            let forms = catalog.sortedForms
            if json {
                Output.print(try Output.json(forms.map { FormDocument($0, lifecycle: catalog.lifecycle(forForm: $0)?.id) }))
                return
            }
            let width = forms.map(\.id.count).max() ?? 0
            for form in forms {
                let id = form.id.padding(toLength: width, withPad: " ", startingAt: 0)
                Output.print("\(id)  v\(form.version)  \(form.team.padding(toLength: 10, withPad: " ", startingAt: 0))  \(form.title.english)\n")
            }
        }
    }

    /// `forms show ID`: the fields of one form, as text, JSON or Markdown.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one form's fields.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The form id, e.g. technical.intake.") var id: String
        @Flag(help: "Print JSON: what a script needs to send answers.") var json = false
        @Flag(help: "Print Markdown.") var markdown = false
        @OptionGroup var language: LanguageOption

        func validate() throws {
            if json && markdown { throw ValidationError("choose one of --json and --markdown") }
        }

        func run() throws {
            let catalog = try CatalogSession.load(global)
            guard let found = catalog.forms[id] else { throw CatalogSession.unknown("form", id, among: catalog.forms.keys) }
            let form = found.localized(language.resolved)
            if json {
                var document = FormDocument(form, lifecycle: catalog.lifecycle(forForm: form)?.id)
                document.language = language.resolved
                Output.print(try Output.json(document))
            } else if markdown {
                Output.print(FormMarkdown().render(form))
            } else {
                Output.print(FormText.render(form))
            }
        }
    }
}
