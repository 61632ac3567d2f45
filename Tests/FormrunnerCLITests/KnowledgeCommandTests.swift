import Foundation
import Testing

@Suite("formrunner knowledge: search and read the desk's articles")
struct KnowledgeCommandTests {
    @Test("search in Portuguese prints the best three with their excerpt; --json gives id, language, title, excerpt, score")
    func search() throws {
        let run = try CommandRunner.run(["knowledge", "search", "--lang", "pt", "como", "gerar", "arquivo", "har", "no", "chrome"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("1. Como gerar um arquivo HAR  (har-file)\n   "))
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.first?.isNumber == true }.count == 3)
        let json = try CommandRunner.run(["knowledge", "search", "--json", "--limit", "1", "how do I reopen a solved ticket"])
        let hits = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(hits?.count == 1)
        #expect(hits?.first?["id"] as? String == "reopening-a-ticket")
        #expect(hits?.first?["language"] as? String == "en")
    }

    @Test("show prints an article for the terminal; an unknown id or language is refused with a hint")
    func show() throws {
        let run = try CommandRunner.run(["knowledge", "show", "ticket-statuses", "--lang", "es"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("**") && !run.stdout.contains("](kb:"))
        let unknown = try CommandRunner.run(["knowledge", "show", "ticket-status"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "formrunner: no article 'ticket-status' in Knowledge/ (did you mean 'ticket-statuses'?)\n")
        let language = try CommandRunner.run(["knowledge", "search", "--lang", "fr", "facture"])
        #expect(language.status == 64)
        #expect(language.stderr.contains("--lang must be one of en, pt, es, not 'fr'"))
    }

    @Test("validate checks Knowledge/ with the catalog: a broken link is an error at its line")
    func validate() throws {
        try CommandRunner.withCatalogCopy { catalog in
            try FileManager.default.createDirectory(atPath: catalog + "/Knowledge/en", withIntermediateDirectories: true)
            try "---\nid: a\ntitle: A\nlanguage: en\n---\nSee [the statuses](kb:statuses).\n"
                .write(toFile: catalog + "/Knowledge/en/a.md", atomically: true, encoding: .utf8)
            let run = try CommandRunner.run(["validate"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr.contains("Knowledge/en/a.md:6:1: error: broken link: no article has the id 'statuses'"))
            let search = try CommandRunner.run(["knowledge", "search", "statuses"], in: catalog)
            #expect(search.status == 1)
            #expect(search.stderr.hasSuffix("formrunner: the knowledge base has errors (see above; `formrunner validate` lists them too)\n"))
        }
    }
}
