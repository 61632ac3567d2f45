import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify

/// `formrunner test [PATH...]`: runs the definition tests kept beside the definitions
/// (`Forms/**/*.test.yaml`, `Workflows/*.test.yaml`) in memory, and reports like a test runner.
struct TestDefinitions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the catalog's definition tests (*.test.yaml beside the definitions) and report each case.",
        discussion: """
        Each case gives answers to a form and says what must follow (valid, these errors, these fields shown \
        or hidden, this priority), and may file the ticket at an instant and fire events at later instants \
        (statuses, timers due, e-mails). Everything runs in memory: no store is opened and nothing is sent. \
        The format is described in docs/testing.md. Exit status: 0 when every case passes, 1 when any fails \
        or a test file has a mistake.
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case junit
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Test files or folders to run (default: every *.test.yaml under Forms/ and Workflows/).",
                                 valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text, or junit (JUnit XML for CI).")
    var format: Format = .text

    func run() async throws {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: '\(path)'")
            }
            if !isDirectory.boolValue, !DefinitionTestFile.isTestFile(path) {
                throw ValidationError("'\(path)' is not a test file: test files are named NAME.test.yaml")
            }
        }
        let catalog = try CatalogSession.load(global)
        let files = DefinitionTestFile.find(in: paths, root: global.catalog)
        guard !files.isEmpty else {
            let places = paths.isEmpty ? "the catalog's Forms/ and Workflows/" : paths.map { "'\($0)'" }.joined(separator: ", ")
            throw CommandFailure("no test files (NAME.test.yaml) in \(places)")
        }
        // The subjects name the desk as formrunner.yaml does, never as this machine's environment would.
        let composer = TemplateComposer(catalog: catalog, deskName: catalog.configuration?.deskName ?? "Support")
        let runner = DefinitionTestRunner(catalog: catalog, composer: composer)
        var suites: [DefinitionTestSuite] = []
        for file in files {
            let loaded = DefinitionTestFile.load(file, catalog: catalog)
            Output.report(loaded.diagnostics, sources: [file: loaded.source])
            var results: [DefinitionTestResult] = []
            if !loaded.diagnostics.hasErrors {
                for testCase in loaded.cases { results.append(await runner.run(testCase, file: file)) }
            }
            suites.append(DefinitionTestSuite(path: file, results: results, diagnostics: loaded.diagnostics))
        }
        switch format {
        case .text: Output.print(DefinitionTestSuite.text(suites))
        case .junit: Output.print(JUnitReport.xml(suites))
        }
        if !suites.allSatisfy(\.passed) { throw ExitCode(1) }
    }
}
