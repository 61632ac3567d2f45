import ArgumentParser
import Foundation
import FormrunnerCore

/// What `formrunner import FORMAT` does once the format's importer is chosen: read the file, report
/// what is not carried over, check the form with the catalog when asked, write it.
struct ImportRun {
    var global: GlobalOptions
    var options: ImportOptions

    /// The importer of one format: the file's bytes and path in, the form and its losses out.
    typealias Importer = (Data, String, ImportSettings) throws(ImportFailure) -> ImportResult

    func run(_ importer: Importer) throws {
        let idGrammar = #"^[a-z0-9][a-z0-9._-]{0,99}$"#
        for (flag, value) in [("--id", options.id), ("--team", options.team)] {
            if let value, value.range(of: idGrammar, options: .regularExpression) == nil {
                throw ValidationError("'\(value)' is not a valid id for \(flag); use lower-case letters, digits, '_', '-' and '.'")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.file, isDirectory: &isDirectory) else {
            throw ValidationError("no such file: '\(options.file)'")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: options.file) else {
            throw CommandFailure("cannot read '\(options.file)': it is a folder or unreadable")
        }
        if let output = options.output, FileManager.default.fileExists(atPath: output), !options.force {
            throw CommandFailure("'\(output)' exists; choose another --output, or add --force to overwrite it")
        }
        let result: ImportResult
        do {
            result = try importer(data, options.file, ImportSettings(formID: options.id, team: options.team))
        } catch {
            Output.report(error.diagnostics, sources: [options.file: error.source])
            throw CommandFailure("nothing was imported from '\(options.file)'")
        }
        let yaml = result.form.yaml
        for loss in result.losses { Output.printError(loss.description.terminalSafe + "\n") }
        let fields = result.form.sections.isEmpty ? result.form.fields : result.form.sections.flatMap(\.fields)
        let questions = fields.filter { $0.type != .note }.count
        var summary = "imported form '\(result.form.id)': \(questions) question\(questions == 1 ? "" : "s"), "
            + "\(fields.count - questions) note\(fields.count - questions == 1 ? "" : "s"); "
            + (result.losses.isEmpty ? "everything carried over" : "\(result.losses.count) thing\(result.losses.count == 1 ? "" : "s") not carried over (above)")
        if options.check {
            let path = try check(yaml, formID: result.form.id)
            summary += "; checked as \(path): valid"
        }
        if let output = options.output {
            do {
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: output), options: options.force ? .atomic : .withoutOverwriting)
            } catch {
                throw CommandFailure("cannot write '\(output)': \((error as NSError).localizedDescription)")
            }
            summary += "; written to \(output)"
        } else {
            Output.print(yaml)
        }
        Output.printError(summary + "\n")
    }

    /// Loads `yaml` with the catalog as the file it would be (--output, else Forms/imported/ID.yaml)
    /// and prints its diagnostics; fails on an error. Returns the path it was checked as.
    private func check(_ yaml: String, formID: String) throws -> String {
        let loader = CatalogLoader(root: global.catalog)
        let path = options.output.map(loader.catalogPath(for:)) ?? loader.catalogPath(for: join(global.catalog, "Forms/imported/\(formID).yaml"))
        let document = CatalogLoader.Document(path: path, data: Data(yaml.utf8))
        let isCatalog = CatalogLoader.definitionFolders.contains { folder in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: join(global.catalog, folder), isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let loaded = isCatalog ? loader.load(extraDocuments: [document]) : loader.load(documents: [document])
        let diagnostics = loaded.diagnostics.filter { $0.location?.file == path }
        // Errors in full; warnings (a text without a translation formrunner.yaml asks for, on every
        // label) counted, for `validate` to list once the form is in the catalog.
        Output.report(diagnostics.filter { $0.severity == .error }, sources: [path: yaml])
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if warnings > 0 {
            Output.printError("\(path): \(warnings) warning\(warnings == 1 ? "" : "s") (such as a missing translation); "
                              + "`formrunner validate` lists them once the form is in the catalog\n")
        }
        if diagnostics.hasErrors {
            let errors = diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure("the imported form has \(errors) error\(errors == 1 ? "" : "s") (checked as \(path)); nothing was written")
        }
        return path
    }

    private func join(_ base: String, _ rest: String) -> String {
        base == "." ? rest : (base.hasSuffix("/") ? base + rest : base + "/" + rest)
    }
}
