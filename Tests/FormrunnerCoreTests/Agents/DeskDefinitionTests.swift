import Foundation
import FormrunnerCore
import Testing

/// Teams and priorities in YAML: loaded from the catalog, and every wrong reference located.
@Suite("Teams and priorities")
struct DeskDefinitionTests {
    static let calendar = """
        calendar: desk
        time_zone: America/Sao_Paulo
        working_hours: {monday: 09:00-18:00}
        """
    static let lifecycle = """
        lifecycle: life
        calendar: desk
        initial: open
        statuses:
          open: {label: Open}
          waiting: {label: Waiting}
          done: {label: Done, final: true}
        transitions:
          - {event: wait, from: open, to: waiting, by: agent}
          - {event: finish, from: [open, waiting], to: done, by: agent}
        """
    static let form = """
        form: help
        version: 1
        title: Help
        team: techincal
        lifecycle: life
        fields:
          - {id: impact, label: Impact, type: choice, options: [{id: low, label: Low}, {id: high, label: High}]}
          - {id: amount, label: Amount, type: number}
        """

    static func diagnostics(teams: String, priorities: String) -> [String] {
        let documents = [("Workflows/desk.yaml", calendar), ("Workflows/life.yaml", lifecycle), ("Forms/help.yaml", form),
                         ("Workflows/teams.yaml", teams), ("Workflows/priorities.yaml", priorities)]
        let result = CatalogLoader().load(documents: documents.map { CatalogLoader.Document(path: $0.0, data: Data($0.1.utf8)) })
        return result.diagnostics.map { "\($0.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"): \($0.message)" }
    }

    @Test("the repository's catalog declares three teams and four priorities, and every ticket form's team exists")
    func repositoryCatalog() {
        let result = CatalogLoader(root: Fixtures.repository).load()
        #expect(result.isValid)
        #expect(result.catalog.teams.keys.sorted() == ["commercial", "financial", "technical"])
        #expect(result.catalog.teams["technical"]?.label.text(in: "pt") == "Suporte técnico")
        #expect(result.catalog.teams["financial"]?.assignment == .leastOpen)
        #expect(result.catalog.priorities?.levels.count == 4)
        #expect(result.catalog.forms.values.filter { $0.id != "survey" }.allSatisfy { result.catalog.teams[$0.team] != nil })
    }

    @Test("every wrong reference of teams and priorities is reported where it is written")
    func wrongReferences() {
        let teams = """
            teams:
              - {id: technical, label: Technical, assign: round_robbin, calendar: dsk}
              - {id: technical, label: Again}
            """
        let priorities = """
            priorities:
              - {id: high, label: High, first_response: {working_hours: 4}}
              - {id: low, label: Low, first_response: {working_hours: 0}}
            default: normall
            warning: 120%
            paused_in: [wating]
            rules:
              - {form: help, when: 'impact == "medium"', priority: high}
              - {form: hepl, priority: low}
              - {team: finance, priority: hihg}
              - {when: 'amount > 10', priority: high}
            """
        #expect(Self.diagnostics(teams: teams, priorities: priorities) == [
            "Forms/help.yaml:4:7: unknown team 'techincal'; did you mean 'technical'?",
            "Workflows/priorities.yaml:3:44: 'working_hours' must be more than 0 and at most 100000, found 0",
            "Workflows/priorities.yaml:4:10: unknown priority 'normall'",
            "Workflows/priorities.yaml:5:10: expected a share such as 75% for 'warning' (more than 0% and less than 100%), found '120%'",
            "Workflows/priorities.yaml:6:13: unknown status 'wating'; did you mean 'waiting'?",
            "Workflows/priorities.yaml:8:35: invalid condition for form 'help': 'medium' is not an option of 'impact'",
            "Workflows/priorities.yaml:9:12: unknown form 'hepl'; did you mean 'help'?",
            "Workflows/priorities.yaml:10:12: unknown team 'finance'",
            "Workflows/priorities.yaml:10:31: unknown priority 'hihg'; did you mean 'high'?",
            "Workflows/priorities.yaml:11:6: a rule with 'when' needs 'form': the condition is checked against that form's fields",
            "Workflows/teams.yaml:2:47: unknown value 'round_robbin' for 'assign'; did you mean 'round_robin'?",
            "Workflows/teams.yaml:2:71: unknown calendar 'dsk'; did you mean 'desk'?",
            "Workflows/teams.yaml:3:10: duplicate team 'technical': another team already has it",
        ])
    }
}
