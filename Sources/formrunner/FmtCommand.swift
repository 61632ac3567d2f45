import ArgumentParser
import Foundation
import FormrunnerCore

/// `formrunner fmt [PATH...] [--check]`: rewrites definitions in one canonical layout.
struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite definition files in one canonical layout (key order, quoting, indentation) without changing their meaning.",
        discussion: """
        Comments are kept: a comment on its own line stays above the key or item after it, a comment after \
        a value stays on that key's line; blank lines are not kept. A file that does not read (see \
        `formrunner validate`) is left unchanged and reported. Exit status: 0 when done (with --check: when \
        every file is already formatted), 1 when a file would change (--check) or cannot be formatted.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Definition files or folders (default: the catalog's Forms/ and Workflows/).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Change nothing: list the files that would change, and exit 1 if there is any (for CI).")
    var check = false

    func run() throws {
        let files = try definitionFiles()
        let formatter = DefinitionFormatter()
        var changed: [String] = [], refused = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                Output.printError("\(file): error: cannot read the file as UTF-8 text\n".terminalSafe)
                refused += 1
                continue
            }
            switch formatter.format(text, path: file) {
            case .refused(let reason):
                Output.printError("formrunner fmt: \(reason)\n".terminalSafe)
                refused += 1
            case .formatted(let output) where output != text:
                changed.append(file)
                if check {
                    Output.print(file + "\n")
                } else {
                    try Data(output.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                }
            case .formatted:
                continue
            }
        }
        let verb = check ? "would be reformatted" : "reformatted"
        Output.printError("\(changed.count) of \(files.count) file(s) \(verb)"
                          + (refused > 0 ? ", \(refused) could not be formatted" : "") + "\n")
        if refused > 0 || (check && !changed.isEmpty) { throw ExitCode(1) }
    }

    /// The `.yaml`/`.yml` files named or under the folders named (not the definition tests), sorted;
    /// the catalog's definitions by default.
    private func definitionFiles() throws -> [String] {
        let roots = paths.isEmpty
            ? CatalogLoader.definitionFolders.map { global.catalog == "." ? $0 : (global.catalog as NSString).appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0) }
            : paths
        if paths.isEmpty, roots.isEmpty {
            throw ValidationError("'\(global.catalog)' is not a catalog: it has neither a Forms nor a Workflows folder (use --catalog DIR)")
        }
        var files: [String] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: '\(root)'")
            }
            guard isDirectory.boolValue else {
                files.append(root)
                continue
            }
            let entries = (FileManager.default.subpaths(atPath: root) ?? []).sorted()
            // Definition tests (`*.test.yaml`) are not definitions: `formrunner test` reads them.
            files += entries.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !DefinitionTestFile.isTestFile($0) }
                .map { (root as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
