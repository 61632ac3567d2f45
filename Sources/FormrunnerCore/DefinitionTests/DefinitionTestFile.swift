import Foundation

/// A definition test file: the cases it holds, or the mistakes that keep it from running.
public struct DefinitionTestFile: Sendable {
    /// The path the file was named by.
    public var path: String
    /// The cases, in the order written (those with a mistake left out).
    public var cases: [DefinitionTestCase]
    /// The mistakes found in the file, each with its line and column.
    public var diagnostics: [Diagnostic]
    /// The file's text, for excerpts under diagnostics.
    public var source: String

    /// How a definition test file's name ends; the catalog loader leaves these files to `formrunner test`.
    public static let suffixes = [".test.yaml", ".test.yml"]

    /// Whether `path` names a definition test file.
    public static func isTestFile(_ path: String) -> Bool {
        suffixes.contains { path.hasSuffix($0) }
    }

    /// Reads and decodes the test file at `path` against `catalog`.
    public static func load(_ path: String, catalog: Catalog) -> DefinitionTestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            return DefinitionTestFile(path: path, cases: [], diagnostics: [.error("cannot read '\(path)'", at: nil)], source: "")
        }
        return decode(data, path: path, catalog: catalog)
    }

    /// Decodes the test file `data` read from `path` against `catalog`.
    public static func decode(_ data: Data, path: String, catalog: Catalog) -> DefinitionTestFile {
        let read = YAMLReader(purpose: .tests).read(data, path: path)
        let sink = DiagnosticSink()
        sink.append(contentsOf: read.diagnostics)
        var cases: [DefinitionTestCase] = []
        if let root = read.root, !read.diagnostics.hasErrors {
            let folder = (path as NSString).deletingLastPathComponent
            cases = DefinitionTestDecoder(sink: sink, catalog: catalog, folder: folder).file(root)
        }
        return DefinitionTestFile(path: path, cases: cases, diagnostics: sink.diagnostics.sortedByLocation(), source: read.text)
    }

    /// Every test file under `paths` (files, or folders searched recursively), sorted; with no paths,
    /// those under the catalog's `Forms/` and `Workflows/`.
    public static func find(in paths: [String], root: String) -> [String] {
        let join = { (base: String, rest: String) in base == "." ? rest : (base.hasSuffix("/") ? base + rest : base + "/" + rest) }
        let places = paths.isEmpty ? CatalogLoader.definitionFolders.map { join(root, $0) } : paths
        var found: [String] = []
        for place in places {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: place, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                found.append(place)
                continue
            }
            let entries = (FileManager.default.subpaths(atPath: place) ?? []).filter(isTestFile).sorted()
            found += entries.map { join(place, $0) }
        }
        var unique: [String] = []
        for path in found where !unique.contains(path) { unique.append(path) }
        return unique
    }
}
