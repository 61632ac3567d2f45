import Foundation
import Testing

/// `formrunner validate PATH…` with paths that name nothing, or name a catalog file another way.
@Suite("formrunner validate: paths")
struct ValidatePathTests {
    @Test("a folder holding no definition of the catalog is an error, not '0 file(s) checked, no problems'")
    func pathOutsideTheCatalog() throws {
        let empty = NSTemporaryDirectory() + "formrunner-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let run = try CommandRunner.run(["validate", empty])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Error: '\(empty)' holds no definition file of the catalog '.'; paths are relative to the "
                                    + "current folder (choose the catalog with --catalog DIR)"), "\(run.stderr)")
        #expect(!run.stderr.contains("no problems found"))
    }

    @Test("`validate Forms` run from inside Forms, with --catalog .., names nothing and says so")
    func formsFromInsideForms() throws {
        let run = try CommandRunner.run(["validate", "--catalog", "..", "Forms"], in: CommandRunner.repository + "/Forms")
        #expect(run.status == 64)
        #expect(run.stderr.contains("no such file or folder: 'Forms'"), "\(run.stderr)")
        let inside = try CommandRunner.run(["validate", "--catalog", "..", "financial"], in: CommandRunner.repository + "/Forms")
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(inside.stderr == "13 file(s) checked, no problems found\n")
    }

    @Test("a catalog file named relatively, with ./ or absolutely is one file, not a duplicate of itself",
          arguments: ["./main", "main/", "MAIN"])
    func sameFileManyNames(catalogSpelling: String) throws {
        let parent = URL(fileURLWithPath: CommandRunner.repository).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: CommandRunner.repository).lastPathComponent
        let catalog = catalogSpelling == "MAIN" ? CommandRunner.repository
            : catalogSpelling.replacingOccurrences(of: "main", with: name)
        let run = try CommandRunner.run(["validate", "--catalog", catalog, name + "/Forms/financial/admin-blocked.yaml"], in: parent)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "1 file(s) checked, no problems found\n")
        #expect(!run.stderr.contains("duplicate"))
    }
}
