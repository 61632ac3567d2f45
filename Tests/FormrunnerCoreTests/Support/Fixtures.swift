import Foundation
import FormrunnerCore

/// Where the test fixtures and the repository's own catalog live.
enum Fixtures {
    /// `Tests/FormrunnerCoreTests/Fixtures`.
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }()

    /// The repository root, which holds the real catalog.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// `Tests/Fixtures/blocks`: a catalog with notes, sections and every validation rule.
    static var blocks: String { repository + "/Tests/Fixtures/blocks" }

    /// The names of the broken-definition fixtures.
    static var brokenCases: [String] {
        let folder = root + "/broken"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Loads `root` as a catalog and renders its diagnostics with paths relative to it.
    static func renderedDiagnostics(ofCatalogAt root: String) -> (text: String, result: CatalogLoader.Result) {
        let result = CatalogLoader(root: root).load()
        let text = DiagnosticRenderer(sources: result.catalog.sources).render(result.diagnostics)
        return (text.replacingOccurrences(of: root + "/", with: ""), result)
    }

    /// A temporary folder that is removed when `body` returns.
    static func withTemporaryFolder<T>(_ body: (String) throws -> T) rethrows -> T {
        let path = NSTemporaryDirectory() + "formrunner-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// Writes `text` to `folder/relativePath`, creating folders.
    static func write(_ text: String, to relativePath: String, in folder: String) {
        let path = folder + "/" + relativePath
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}
