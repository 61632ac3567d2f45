import FormrunnerCore
import Testing

/// A whole flow's answers checked at once, as `run --no-input` and the interactive run check them.
@Suite("Flow answers")
struct FlowAnswersTests {
    static let catalog = CatalogLoader(root: Fixtures.repository).load().catalog

    func check(_ raw: [String: RawAnswer], flow: String = "financial-support",
               accounts: [String]? = ["lojaana"]) throws -> Result<FlowAnswers.Resolved, AnswerProblems> {
        FlowAnswers(catalog: Self.catalog, flow: try #require(Self.catalog.workflows[flow])).check(raw, accounts: accounts)
    }

    @Test("Name needs a first and a last name; Account must be one of the user's")
    func identification() throws {
        let result = try check(["name": .single("Ana"), "account": .single("lojabeta"), "subject": .single("vtex_partner"),
                                "what_happened": .single("We became partners last month.")])
        guard case .failure(let problems) = result else { Issue.record("accepted"); return }
        #expect(problems.problems.prefix(2).map(\.description) == [
            "name: must have at least 2 words, got 1",
            "account: 'lojabeta' is not one of your accounts; expected one of lojaana",
        ])
    }

    @Test("a subject by id, form id or label leads to its form; an unknown one gets a hint")
    func subjects() throws {
        for subject in ["admin_blocked", "financial.admin-blocked", "Admin blocked"] {
            let result = try check(["name": .single("Ana Souza"), "account": .single("lojaana"), "subject": .single(subject)])
            guard case .failure(let problems) = result else { Issue.record("accepted"); continue }
            #expect(problems.problems.map(\.field) == ["what_happened", "blocked_since", "already_paid"])
        }
        let unknown = try check(["name": .single("Ana Souza"), "account": .single("lojaana"), "subject": .single("admin_blokced")])
        guard case .failure(let problems) = unknown else { Issue.record("accepted"); return }
        #expect(problems.description == "subject: 'admin_blokced' is not a subject; did you mean 'admin_blocked'?")
    }
}
