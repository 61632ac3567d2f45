import Foundation
import Testing

/// The ten-mistakes fixture (one form with ten mistakes) through `formrunner validate` in each
/// format: every mistake in one run, with its code. Set `FORMRUNNER_UPDATE_GOLDEN=1` to rewrite the
/// golden files after a deliberate change, then review the diff.
@Suite("formrunner validate --format text|json|sarif")
struct ValidateFormatsTests {
    static let fixture = CommandRunner.repository + "/Tests/FormrunnerCoreTests/Fixtures/broken/ten-mistakes"

    static func golden(_ name: String, _ actual: String) throws -> String {
        let path = fixture + "/" + name
        if ProcessInfo.processInfo.environment["FORMRUNNER_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("text: the ten mistakes of one file in one run, each with its code, and exit 1")
    func text() throws {
        let run = try CommandRunner.run(["validate"], in: Self.fixture)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == (try Self.golden("expected-cli.txt", run.stderr)))
        #expect(run.stderr.hasSuffix("10 error(s) in 2 file(s) checked\n"))
    }

    @Test("json: each diagnostic with its code, severity, place and notes")
    func json() throws {
        let run = try CommandRunner.run(["validate", "--format", "json"], in: Self.fixture)
        #expect(run.status == 1)
        #expect(run.stdout == (try Self.golden("expected.json", run.stdout)))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 10)
    }

    @Test("sarif: a SARIF 2.1.0 log with one rule per code used and one result per diagnostic")
    func sarif() throws {
        let run = try CommandRunner.run(["validate", "--format", "sarif"], in: Self.fixture)
        #expect(run.status == 1)
        #expect(run.stdout == (try Self.golden("expected.sarif", run.stdout)))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 10)
        #expect(results.allSatisfy { ($0["ruleId"] as? String)?.hasPrefix("FR") == true })
    }

    @Test("an unknown format is refused with the formats that exist")
    func unknownFormat() throws {
        let run = try CommandRunner.run(["validate", "--format", "xml"], in: Self.fixture)
        #expect(run.status == 64)
        #expect(run.stderr.contains("'xml'"))
    }
}
