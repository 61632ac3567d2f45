import FormrunnerCore
import Testing

/// The repository's own catalog: it validates, and it says what the seed says, word for word.
@Suite("The shipped catalog")
struct CatalogTests {
    static let loaded = CatalogLoader(root: Fixtures.repository).load()
    var catalog: Catalog { Self.loaded.catalog }

    @Test("every file validates without a single diagnostic")
    func validates() {
        let rendered = DiagnosticRenderer(sources: catalog.sources).render(Self.loaded.diagnostics)
        #expect(Self.loaded.diagnostics.isEmpty, "\(rendered)")
        #expect(Self.loaded.files.count >= 25)
    }

    @Test("1 technical, 13 financial and 4 commercial forms")
    func formCounts() {
        let teams = catalog.forms.values.map(\.team)
        #expect(teams.filter { $0 == "technical" }.count == 1)
        #expect(teams.filter { $0 == "financial" }.count == 13)
        #expect(teams.filter { $0 == "commercial" }.count == 4)
    }

    @Test("the intake form asks the seed's questions in the seed's order")
    func intakeForm() throws {
        let intake = try #require(catalog.forms["technical.intake"])
        #expect(intake.fields.map(\.label.english) == SeedWording.intakeLabels)
        let options = { (index: Int) in intake.fields[index].options.map(\.label.english) }
        #expect(options(2) == SeedWording.experienceLevels)
        #expect(options(4) == SeedWording.usersAffected)
        #expect(options(5) == SeedWording.problemImpact)
        #expect(options(6) == SeedWording.environments)
        #expect(options(7) == SeedWording.problemTypes)
        #expect(intake.field("agency")?.required == false)
        #expect(intake.fields.last?.type == .files)
    }

    @Test("financial and commercial subjects match the seed, each leading to its own form")
    func subjects() throws {
        for (flowID, expected, label) in [("financial-support", SeedWording.financialSubjects, "Request subject"),
                                           ("commercial-support", SeedWording.commercialSubjects, "What do you need?")] {
            let flow = try #require(catalog.workflows[flowID])
            let choice = try #require(flow.steps.compactMap { step -> StepDefinition.SubjectChoice? in
                if case .subject(let choice) = step.kind { choice } else { nil }
            }.first)
            #expect(choice.label.english == label)
            #expect(choice.subjects.map(\.label.english) == expected)
            for subject in choice.subjects {
                let form = try #require(catalog.forms[subject.formID])
                #expect(form.title.english == subject.label.english)
            }
            #expect(Set(choice.subjects.map(\.formID)).count == expected.count)
        }
    }

    @Test("every financial form asks \"What happened?\" and at least one subject-specific field")
    func financialForms() {
        for form in catalog.forms.values where form.team == "financial" {
            #expect(form.fields.contains { $0.label.english == "What happened?" && $0.type == .multiline }, "\(form.id)")
            #expect(form.fields.count >= 2, "\(form.id)")
        }
        for form in catalog.forms.values where form.team == "commercial" {
            #expect(form.fields.count >= 3, "\(form.id)")
        }
    }

    @Test("the technical flow: log-in, permission, Copilot, a person, one-time code, intake, Create ticket")
    func technicalFlow() throws {
        let flow = try #require(catalog.workflows["technical-support"])
        #expect(flow.steps.map(\.kind.typeName)
                == ["authentication", "permission", "assistant", "one_time_code", "form", "submit"])
        for step in flow.steps {
            switch step.kind {
            case .assistant(let assistant):
                #expect(assistant.scenarios.map(\.label.english) == SeedWording.scenarios)
                #expect(assistant.guidance.map(\.label.english) == SeedWording.guidance)
                #expect(assistant.handoff.english == "Talk to a person")
            case .permission(let permission):
                #expect(permission.required == ["support"])
                #expect(permission.countries == ["BR"])
            case .oneTimeCode(let code):
                #expect(code.channel == .email)
                #expect(code.expires == 600)
                #expect(code.attempts == 5)
            case .submit(let label):
                #expect(label.english == "Create ticket")
            default:
                break
            }
        }
    }

    @Test("the ticket life cycle: the seed's statuses, Closed final, a 27 working-hour timer")
    func lifecycle() throws {
        let lifecycle = try #require(catalog.lifecycles["ticket-lifecycle"])
        #expect(lifecycle.statuses.map(\.label.english) == SeedWording.statuses)
        #expect(lifecycle.statuses.filter(\.isFinal).map(\.id) == ["closed"])
        #expect(lifecycle.initial.id == "open")
        let close = try #require(lifecycle.timedTransitions.first)
        #expect(close.timer?.workingHours == 27)
        #expect(close.timer?.since == .lastInteraction)
        #expect(close.to?.id == "closed")
        #expect(close.actors == [.system])
        let reply = try #require(lifecycle.transitions.first { $0.event == "reply" && $0.starts(from: "solved") })
        #expect(reply.to?.id == "open")
        #expect(reply.actors == [.requester])
        let solve = try #require(lifecycle.transitions.first { $0.event == "solve" })
        #expect(Set(solve.actors) == [.agent, .requester])
        #expect(catalog.templates["solved"]?.contains("{{survey.url}}") == true)
        #expect(lifecycle.variables.isEmpty)
        let survey = try #require(lifecycle.survey)
        #expect(survey.form.id == "survey" && survey.status.id == "solved" && survey.expiresAfterWorkingHours == 27)
        let form = try #require(catalog.forms["survey"])
        #expect(form.title.english == "Satisfaction survey")
        #expect(form.field("rating")?.options.map(\.id) == ["1", "2", "3", "4", "5"])
        #expect(form.field("rating")?.options.first?.label.english == "1 — Very dissatisfied")
        #expect(form.field("rating")?.options.last?.label.english == "5 — Very satisfied")
        #expect(form.field("comment")?.required == false && form.field("comment")?.type == .multiline)
        #expect(lifecycle.calendar?.id == "brazil-support")
    }

    @Test("the Brazilian calendar: São Paulo time, weekdays 09:00–18:00, national holidays")
    func calendar() throws {
        let calendar = try #require(catalog.calendars["brazil-support"]).calendar
        #expect(calendar.timeZone.identifier == "America/Sao_Paulo")
        #expect(calendar.weeklyHours[.monday] == [WorkingInterval(start: 9 * 60, end: 18 * 60)])
        #expect(calendar.weeklyHours[.saturday, default: []].isEmpty)
        for day in ["2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-04-21", "2026-05-01", "2026-06-04",
                    "2026-09-07", "2026-10-12", "2026-11-02", "2026-11-20", "2026-12-25"] {
            #expect(calendar.isHoliday(LocalDate(iso: day)!), "\(day)")
        }
        #expect(!calendar.isHoliday(LocalDate(iso: "2023-11-20")!))
        #expect(!calendar.isHoliday(LocalDate(iso: "2026-11-25")!))
    }
}
