import Foundation
import Testing

@Suite("formrunner validate")
struct ValidateCommandTests {
    @Test("the catalog validates: exit 0 and a summary")
    func clean() throws {
        let run = try CommandRunner.run(["validate"])
        #expect(run.status == 0)
        #expect(run.stderr.hasSuffix("file(s) checked, no problems found\n"))
    }

    @Test("a broken file: exit 1, located error, excerpt and caret, hint")
    func broken() throws {
        try CommandRunner.withCatalogCopy { catalog in
            let path = catalog + "/Forms/technical/intake.yaml"
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: "type: multiline", with: "type: multilne")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try CommandRunner.run(["validate"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr.contains("Forms/technical/intake.yaml:"))
            #expect(run.stderr.contains(": error: unknown field type 'multilne'; did you mean 'multiline'?"))
            #expect(run.stderr.contains("|     type: multilne\n"))
            #expect(run.stderr.contains("^"))
            #expect(run.stderr.contains("error(s) in 34 file(s) checked"))
        }
    }

    @Test("every problem of the catalog is reported in one run")
    func allProblems() throws {
        try CommandRunner.withCatalogCopy { catalog in
            for (file, from, to) in [("Forms/financial/admin-blocked.yaml", "type: date", "type: dat"),
                                     ("Workflows/ticket-lifecycle.yaml", "to: awaiting_reply", "to: awaiting"),
                                     ("Workflows/brazil-support.yaml", "time_zone: America/Sao_Paulo", "time_zone: Brazil/Nowhere")] {
                let path = catalog + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
            }
            let run = try CommandRunner.run(["validate", "--format", "json"], in: catalog)
            #expect(run.status == 1)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(report?["valid"] as? Bool == false)
            #expect(report?["errors"] as? Int == 3)
            let files = (report?["diagnostics"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
            #expect(Set(files) == ["Forms/financial/admin-blocked.yaml", "Workflows/ticket-lifecycle.yaml",
                                   "Workflows/brazil-support.yaml"])
        }
    }

    @Test("PATH arguments narrow the report to those files")
    func paths() throws {
        try CommandRunner.withCatalogCopy { catalog in
            let path = catalog + "/Forms/financial/admin-blocked.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "type: date", with: "type: dat").write(toFile: path, atomically: true, encoding: .utf8)
            let other = try CommandRunner.run(["validate", "Forms/technical"], in: catalog)
            #expect(other.status == 0)
            #expect(other.stderr == "1 file(s) checked, no problems found\n")
            let same = try CommandRunner.run(["validate", "Forms/financial/admin-blocked.yaml"], in: catalog)
            #expect(same.status == 1)
            #expect(same.stderr.contains("unknown field type 'dat'; did you mean 'date'?"))
            let missing = try CommandRunner.run(["validate", "Forms/nope.yaml"], in: catalog)
            #expect(missing.status == 64)
            #expect(missing.stderr.contains("no such file or folder: 'Forms/nope.yaml'"))
        }
    }

    @Test("a folder that is not a catalog is an error, not a silent success")
    func notACatalog() throws {
        let run = try CommandRunner.run(["validate", "--catalog", "/tmp"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: '/tmp' is not a catalog: it has neither a Forms nor a Workflows folder"))
    }
}
