import Foundation
import FormrunnerCore
import Testing

/// The one duration grammar of the command line, the environment and formrunner.yaml.
@Suite("Duration text")
struct DurationTextTests {
    @Test("milliseconds, seconds, minutes, hours and plain seconds are read",
          arguments: [("500ms", 0.5), ("5s", 5), ("2m", 120), ("1h", 3600), ("2.5", 2.5), ("30", 30), (" 5S ", 5), ("0.5s", 0.5)])
    func accepted(text: String, seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test("anything else is refused", arguments: ["soon", "0s", "0", "-5s", "5 minutes", "5 s", "", "05s", "1e3", "inf", "2d", "s"])
    func refused(text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test("formrunner.yaml reads the same grammar and refuses the rest with its message")
    func yaml() throws {
        #expect(try Self.configuration("plugins:\n  timeout: 500ms\n").configuration?.pluginTimeout == 0.5)
        #expect(try Self.configuration("plugins:\n  timeout: 2.5\n").configuration?.pluginTimeout == 2.5)
        let refused = try Self.configuration("plugins:\n  timeout: soon\n").diagnostics.map(\.description)
        #expect(refused.contains { $0.hasSuffix("expected a duration such as 30s, 10m or 2h for 'timeout', found 'soon'") }, "\(refused)")
    }

    /// A catalog of only `yaml` as its formrunner.yaml, loaded.
    private static func configuration(_ yaml: String) throws -> (configuration: DeskConfiguration?, diagnostics: [Diagnostic]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("duration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try yaml.write(to: root.appendingPathComponent("formrunner.yaml"), atomically: true, encoding: .utf8)
        let result = CatalogLoader(root: root.path).load()
        return (result.catalog.configuration, result.diagnostics)
    }
}
