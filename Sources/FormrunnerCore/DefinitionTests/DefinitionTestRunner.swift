import Foundation

/// Runs definition test cases on the catalog in memory: answers are checked by the form (as
/// `tickets create` checks them), and a case with an instant files its ticket on a ``TicketDesk``
/// over a fresh ``InMemoryTicketStore`` (the life-cycle engine, SLA clocks, survey rounds and e-mails
/// exactly as the desk runs them), then fires each event at its instant. Nothing is written anywhere.
public struct DefinitionTestRunner: Sendable {
    public let catalog: Catalog
    /// Writes the e-mails (the catalog's templates), so that their subjects can be checked.
    public let composer: any MessageComposing

    /// A runner for `catalog` whose e-mails `composer` writes.
    public init(catalog: Catalog, composer: any MessageComposing) {
        self.catalog = catalog
        self.composer = composer
    }

    /// Runs `testCase` of `file`.
    public func run(_ testCase: DefinitionTestCase, file: String) async -> DefinitionTestResult {
        var failures: [DefinitionTestFailure] = []
        guard let form = catalog.forms[testCase.formID] else {
            return DefinitionTestResult(file: file, name: testCase.name, location: testCase.location, failures: [
                DefinitionTestFailure(step: "", subject: "form", expected: [testCase.formID], actual: ["(not in the catalog)"])])
        }
        let checked = FormAnswers(form: form).check(testCase.answers)
        failures += answerFailures(testCase.expectation, checked: checked, form: form, answers: testCase.answers)
        if let filedAt = testCase.filedAt {
            failures += await lifecycleFailures(testCase, form: form, filedAt: filedAt)
        } else if let priority = testCase.expectation.priority {
            let actual: String
            switch checked {
            case .success(let answers): actual = catalog.priority(of: form, answers: answers.values) ?? "(none)"
            case .failure: actual = "(none: the answers are not valid)"
            }
            if actual != priority { failures.append(DefinitionTestFailure(step: "", subject: "priority", expected: [priority], actual: [actual])) }
        }
        return DefinitionTestResult(file: file, name: testCase.name, location: testCase.location, failures: failures)
    }

    /// How the answers' checks differ from the expectation: validity, errors, shown and hidden fields.
    private func answerFailures(_ expectation: DefinitionTestExpectation, checked: Result<FormAnswers.Checked, AnswerProblems>,
                                form: FormDefinition, answers: [String: RawAnswer]) -> [DefinitionTestFailure] {
        var failures: [DefinitionTestFailure] = []
        let problems: [String]
        switch checked {
        case .success: problems = []
        case .failure(let found): problems = found.problems.map(\.description)
        }
        if let errors = expectation.errors, errors.sorted() != problems.sorted() {
            failures.append(DefinitionTestFailure(step: "", subject: "errors", expected: errors, actual: problems))
        } else if let valid = expectation.valid, valid != problems.isEmpty {
            failures.append(DefinitionTestFailure(step: "", subject: "valid", expected: [valid ? "valid" : "not valid"],
                                                  actual: problems.isEmpty ? ["valid"] : problems))
        }
        if expectation.shown != nil || expectation.hidden != nil {
            let shown = Self.shownFields(of: form, answers: answers)
            let listed = (expectation.shown ?? []).map { ($0, true) } + (expectation.hidden ?? []).map { ($0, false) }
            let expected = listed.map { "\($0.0): \($0.1 ? "shown" : "hidden")" }
            let actual = listed.map { "\($0.0): \(shown.contains($0.0) ? "shown" : "hidden")" }
            if expected != actual { failures.append(DefinitionTestFailure(step: "", subject: "fields", expected: expected, actual: actual)) }
        }
        return failures
    }

    /// The fields of `form` that are shown given `answers`, in the form's order: each condition sees
    /// the answers before it that are shown and valid (or their defaults), as the terminal asks them.
    static func shownFields(of form: FormDefinition, answers: [String: RawAnswer]) -> Set<String> {
        let checker = FormAnswers(form: form)
        var values: [String: AnswerValue] = [:]
        var shown: Set<String> = []
        for field in form.fields where field.isShown(given: values) {
            shown.insert(field.id)
            if let answer = answers[field.id], !FormAnswers.isBlank(answer) {
                if case .success(let (value, _)) = checker.value(answer, for: field) { values[field.id] = value }
            } else if let value = field.defaultValue {
                values[field.id] = value
            }
        }
        return shown
    }

    /// Files the case's ticket at `filedAt`, fires its events, and compares each step.
    private func lifecycleFailures(_ testCase: DefinitionTestCase, form: FormDefinition, filedAt: Date) async -> [DefinitionTestFailure] {
        let store = InMemoryTicketStore()
        let desk = TicketDesk(catalog: catalog, store: store, composer: composer)
        let zone = catalog.lifecycle(forForm: form)?.calendar.flatMap { catalog.calendars[$0.id]?.calendar.timeZone }
            ?? TimeZone(identifier: "UTC")!
        let account = form.fields.first { $0.type == .account }.flatMap { testCase.answers[$0.id]?.items.first }
        let ticket: Ticket
        do {
            ticket = try await desk.create(formID: form.id, answers: testCase.answers, requester: testCase.requester,
                                           account: account, at: filedAt)
        } catch {
            return [DefinitionTestFailure(step: "filing at \(TestInstant.format(filedAt, in: zone))", subject: "ticket",
                                          expected: ["filed"], actual: ["\(error)"])]
        }
        var step = StepComparison(zone: zone, seen: [])
        var failures = await step.compare(testCase.expectation, store: store, number: ticket.number, refusal: nil,
                                          step: "after filing")
        for (index, event) in testCase.events.enumerated() {
            var refusal: String?
            do {
                if event.event == DefinitionTestEvent.tick {
                    _ = try await desk.tick(at: event.at)
                } else {
                    _ = try await desk.transition(ticket.number, event: event.event, by: event.actor, message: event.message, at: event.at)
                }
            } catch TicketDesk.Failure.refused(let refused) {
                refusal = refused.message
            } catch {
                refusal = "\(error)"
            }
            let name = "event \(index + 1) (\(event.event) at \(TestInstant.format(event.at, in: zone)))"
            failures += await step.compare(event.expectation, store: store, number: ticket.number, refusal: refusal, step: name)
        }
        return failures
    }
}
