import Foundation

/// Loads a catalog: every definition under `Forms/` and `Workflows/` (but the definition tests,
/// `*.test.yaml`), the e-mail templates under
/// `Workflows/templates/` and the desk's configuration `formrunner.yaml`, then links and checks
/// them, collecting every problem in one run.
public struct CatalogLoader: Sendable {
    /// The result of loading: the catalog (as complete as the files allow) and every problem found.
    public struct Result: Sendable {
        public var catalog: Catalog
        public var diagnostics: [Diagnostic]
        /// The definition files read, in order.
        public var files: [String]

        /// Whether the catalog can be used: no errors anywhere.
        public var isValid: Bool { !diagnostics.hasErrors }
    }

    /// The folders a catalog keeps its definitions in.
    public static let definitionFolders = ["Forms", "Workflows"]
    /// Where e-mail templates live, relative to the catalog root.
    public static let templateFolder = "Workflows/templates"

    /// The catalog root as the user named it (`.` by default).
    public var root: String
    public var reader: YAMLReader

    public init(root: String = ".", reader: YAMLReader = YAMLReader()) {
        self.root = root
        self.reader = reader
    }

    /// Loads the catalog under ``root`` plus any `extraFiles` outside it.
    public func load(extraFiles: [String] = []) -> Result {
        let sink = DiagnosticSink()
        var files = definitionFiles(sink: sink)
        if FileManager.default.fileExists(atPath: configurationPath) { files.append(configurationPath) }
        for file in extraFiles.map(catalogPath(for:)) where !files.contains(file) {
            files.append(file)
        }
        var documents: [Document] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                sink.error("cannot read '\(file)'", at: nil)
                continue
            }
            documents.append(Document(path: file, data: data))
        }
        return load(documents, templates: templates(sink: sink), files: files, sink: sink)
    }

    /// One definition file held in memory: the path its diagnostics name and its bytes.
    public struct Document: Sendable {
        /// The path diagnostics name, e.g. `Forms/a.yaml`.
        public var path: String
        /// The file's raw bytes, exactly as they would be read from disk.
        public var data: Data

        /// A document named `path` holding `data`.
        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    /// Loads a catalog made of `documents` (in the order given) and `templates` (by name, without
    /// `.mustache`), without touching the file system: the same reading, decoding, linking and
    /// checking as ``load(extraFiles:)``. Used by tests and the fuzzer.
    public func load(documents: [Document], templates: [String: String] = [:]) -> Result {
        load(documents, templates: templates, files: documents.map(\.path), sink: DiagnosticSink())
    }

    private func load(_ documents: [Document], templates: [String: String], files: [String],
                      sink: DiagnosticSink) -> Result {
        var catalog = Catalog()
        var decoded = DocumentSet()
        for document in documents {
            let isConfiguration = Self.isConfiguration(document.path)
            var reader = reader
            if isConfiguration { reader.purpose = .configuration }
            let read = reader.read(document.data, path: document.path)
            catalog.sources[document.path] = read.text
            sink.append(contentsOf: read.diagnostics)
            guard let root = read.root else { continue }
            if isConfiguration {
                catalog.configuration = ConfigurationDecoder(sink: sink, root: self.root).configuration(root, file: document.path)
            } else {
                decoded.add(root, file: document.path, sink: sink)
            }
        }
        catalog.templates = templates
        CatalogLinker(sink: sink).link(decoded, into: &catalog)
        TranslationChecker(sink: sink, templateFolder: join(root, Self.templateFolder)).check(catalog)
        return Result(catalog: catalog, diagnostics: sink.diagnostics.sortedByLocation(), files: files)
    }

    /// Every `.yaml`/`.yml` file under the definition folders, sorted, with paths as the user would write them.
    private func definitionFiles(sink: DiagnosticSink) -> [String] {
        var found: [String] = []
        var anyFolder = false
        for folder in Self.definitionFolders {
            let path = join(root, folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            anyFolder = true
            let entries = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
            // Definition tests (`*.test.yaml`) live beside the definitions; `formrunner test` reads them.
            for entry in entries where (entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")) && !DefinitionTestFile.isTestFile(entry) {
                let file = join(path, entry)
                if leavesTheCatalog(file) {
                    sink.error("'\(file)' is a symbolic link to a file outside the catalog; copy the file into the catalog instead",
                               at: SourceLocation(file: file, line: 1, column: 1))
                    continue
                }
                found.append(file)
            }
        }
        if !anyFolder {
            sink.error("'\(root)' is not a catalog: it has neither a Forms nor a Workflows folder (use --catalog DIR)", at: nil)
        }
        return found
    }

    /// Templates by name (file name without `.mustache`).
    private func templates(sink: DiagnosticSink) -> [String: String] {
        let folder = join(root, Self.templateFolder)
        var result: [String: String] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasSuffix(".mustache") {
            let path = join(folder, entry)
            // A template is sent to requesters: one that is a link to a file elsewhere (`/etc/passwd`)
            // would mail that file.
            if leavesTheCatalog(path) {
                sink.error("template '\(path)' is a symbolic link to a file outside the catalog; copy the file into "
                           + "\(join(root, Self.templateFolder)) instead", at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                sink.error("template '\(path)' is not UTF-8 text", at: nil)
                continue
            }
            result[String(entry.dropLast(".mustache".count))] = text
        }
        return result
    }

    /// The file of the e-mail template called `name`, as diagnostics name it.
    public func templatePath(_ name: String) -> String {
        join(join(root, Self.templateFolder), name + ".mustache")
    }

    /// Whether `path` is a symbolic link (or under one) that leads out of the catalog root.
    private func leavesTheCatalog(_ path: String) -> Bool {
        let rootPath = Self.canonical(root)
        let target = Self.canonical(path)
        return target != rootPath && !target.hasPrefix(rootPath == "/" ? "/" : rootPath + "/")
    }

    /// Where the desk's configuration is, as diagnostics name it: `formrunner.yaml` under the root.
    public var configurationPath: String { join(root, DeskConfiguration.fileName) }

    /// Whether `path` names a desk configuration: a `formrunner.yaml` outside the definition folders.
    static func isConfiguration(_ path: String) -> Bool {
        let components = (path as NSString).pathComponents
        return components.last == DeskConfiguration.fileName && !components.contains(where: definitionFolders.contains)
    }

    private func join(_ base: String, _ rest: String) -> String {
        base == "." ? rest : (base.hasSuffix("/") ? base + rest : base + "/" + rest)
    }

    /// `path` (relative to the working folder, or absolute) as this loader names the files it reads:
    /// under the root as the root is named (`./cat/Forms/a.yaml` and `/abs/cat/Forms/a.yaml` are the
    /// same file as `cat/Forms/a.yaml` when the root is `cat`, as the loader names its files); outside
    /// it, `path` without `./`.
    public func catalogPath(for path: String) -> String {
        let rootPath = Self.canonical(root)
        let full = Self.canonical(path)
        if full == rootPath { return root }
        guard full.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return Self.normalized(path) }
        let relative = String(full.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))
        return join(root, relative)
    }

    /// The absolute path of `path` with `.`, `..` and symbolic links resolved.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `./Forms/a.yaml` → `Forms/a.yaml`.
    static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
