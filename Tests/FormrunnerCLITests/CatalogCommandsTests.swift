import Foundation
import Testing

@Suite("formrunner forms and workflows")
struct CatalogCommandsTests {
    @Test("forms list shows all 19 forms: 18 request types and the satisfaction survey")
    func formsList() throws {
        let run = try CommandRunner.run(["forms", "list"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 19)
        #expect(run.stdout.contains("technical.intake"))
        #expect(run.stdout.contains("Master Admin Change"))
    }

    @Test("forms show --json tells a script what to send")
    func formsShowJSON() throws {
        let run = try CommandRunner.run(["forms", "show", "technical.intake", "--json"])
        #expect(run.status == 0)
        let form = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(form["id"] as? String == "technical.intake")
        #expect(form["lifecycle"] as? String == "ticket-lifecycle")
        let fields = try #require(form["fields"] as? [[String: Any]])
        #expect(fields.count == 9)
        let environment = try #require(fields.first { $0["id"] as? String == "environment" })
        let options = (environment["options"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
        #expect(options == ["Production", "Development / QA / Sandbox"])
        #expect(fields.first { $0["id"] as? String == "agency" }?["required"] as? Bool == false)
    }

    @Test("forms show --markdown renders a table")
    func formsShowMarkdown() throws {
        let run = try CommandRunner.run(["forms", "show", "financial.admin-blocked", "--markdown"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# Admin blocked\n"))
        #expect(run.stdout.contains("| 1 | What happened? | `what_happened` | multiline | yes |"))
        #expect(run.stdout.contains("asked when `already_paid`"))
    }

    @Test("an unknown form id gets a did-you-mean and exit 1")
    func unknownForm() throws {
        let run = try CommandRunner.run(["forms", "show", "technical.intak"])
        #expect(run.status == 1)
        #expect(run.stderr == "formrunner: unknown form 'technical.intak'; did you mean 'technical.intake'?; run `formrunner forms list`\n")
    }

    @Test("--json and --markdown together is a usage error (exit 64)")
    func usage() throws {
        let run = try CommandRunner.run(["forms", "show", "technical.intake", "--json", "--markdown"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("choose one of --json and --markdown"))
    }

    @Test("workflows list names flows, life cycles and calendars")
    func workflowsList() throws {
        let run = try CommandRunner.run(["workflows", "list"])
        #expect(run.status == 0)
        for id in ["technical-support", "financial-support", "commercial-support", "ticket-lifecycle", "brazil-support"] {
            #expect(run.stdout.contains(id), "\(id)")
        }
        #expect(run.stdout.contains("Closed (final)"))
    }

    @Test("workflows graph draws the timer on its edge, in Mermaid and dot")
    func graph() throws {
        let mermaid = try CommandRunner.run(["workflows", "graph", "ticket-lifecycle"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.hasPrefix("stateDiagram-v2\n"))
        #expect(mermaid.stdout.contains("    [*] --> open\n"))
        #expect(mermaid.stdout.contains("    solved --> closed: close by system after 27 working hours since last interaction\n"))
        #expect(mermaid.stdout.contains("    closed --> [*]\n"))
        let dot = try CommandRunner.run(["workflows", "graph", "technical-support", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("\"solved\" -> \"closed\" [label=\"close by system after 27 working hours since last interaction\", style=dashed];"))
        #expect(dot.stdout.contains("\"closed\" [label=\"Closed\", shape=doublecircle];"))
    }
}
