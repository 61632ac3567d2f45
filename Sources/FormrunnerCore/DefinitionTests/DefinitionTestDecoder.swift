import Foundation

/// Decodes a definition test file against the catalog it tests: every form, field, event, status,
/// priority, timer and template it names must exist (with a did-you-mean when not), and every
/// instant must be ISO 8601 with an offset. Mistakes go to the sink, each at its line and column.
struct DefinitionTestDecoder {
    let sink: DiagnosticSink
    let catalog: Catalog
    /// The test file's folder: relative file answers are found from it.
    let folder: String

    static let fileKeys = ["tests", "form", "requester", "answers"]
    static let caseKeys = ["name", "form", "requester", "answers", "at", "expect", "events"]

    /// What a file gives every case by default.
    struct Defaults {
        var form: String?
        var formLocation: SourceLocation?
        var requester = DefinitionTestCase.defaultRequester
        var answers: [String: (answer: RawAnswer, location: SourceLocation)] = [:]
    }

    /// The cases of the file whose root is `root`.
    func file(_ root: YAMLNode) -> [DefinitionTestCase] {
        guard case .mapping(let mapping) = root else {
            sink.error("a test file must be a mapping with 'tests:', a list of test cases", at: root.location)
            return []
        }
        let reader = MappingReader(mapping, context: "a test file", keys: Self.fileKeys, sink: sink)
        var defaults = Defaults()
        if let form = reader.identifier("form", required: false) {
            defaults.form = form.id
            defaults.formLocation = form.location
            if catalog.forms[form.id] == nil { unknownForm(form.id, at: form.location) }
        }
        if let node = reader.optional("requester") { defaults.requester = requester(node) ?? defaults.requester }
        if let node = reader.optional("answers") { defaults.answers = answers(node) }
        guard let list = reader.required("tests") else { return [] }
        guard case .sequence(let sequence) = list else {
            sink.error("expected a list of test cases for 'tests', found \(list.kindDescription)", at: list.location)
            return []
        }
        var names: [String: SourceLocation] = [:]
        var cases: [DefinitionTestCase] = []
        for item in sequence.items {
            guard let testCase = self.testCase(item, defaults: defaults) else { continue }
            if let first = names[testCase.name] {
                sink.error("a second test named '\(testCase.name)'; give each test of a file its own name", at: testCase.location,
                           notes: [Diagnostic.Note("the first one is here", at: first)])
                continue
            }
            names[testCase.name] = testCase.location
            cases.append(testCase)
        }
        return cases
    }

    private func testCase(_ node: YAMLNode, defaults: Defaults) -> DefinitionTestCase? {
        guard let reader = MappingReader(node, context: "a test", keys: Self.caseKeys, sink: sink) else { return nil }
        let before = sink.diagnostics.count
        let name = reader.string("name")
        let formReference = reader.identifier("form", required: false)
        let formID = formReference?.id ?? defaults.form
        if formReference == nil, defaults.form == nil {
            sink.error("the test names no form: write 'form: ID' in it, or once at the top of the file", at: reader.location)
        }
        var form: FormDefinition?
        if let formID {
            form = catalog.forms[formID]
            if form == nil, let location = formReference?.location { unknownForm(formID, at: location) }
        }
        let person = reader.optional("requester").flatMap(requester) ?? defaults.requester
        var given = defaults.answers
        if let node = reader.optional("answers") { given.merge(answers(node)) { _, new in new } }
        let filedAt = reader.optional("at").flatMap(instant)
        let lifecycle = form.flatMap(catalog.lifecycle(forForm:))
        if filedAt != nil, form != nil, lifecycle == nil {
            sink.error("form '\(formID ?? "")' has no life cycle, so no ticket can be filed at 'at'", at: reader.keyLocation("at"))
        }
        // An instant written wrong is one mistake: what depends on the filing is still read.
        let files = reader.has("at")
        let context = ExpectationContext(form: form, lifecycle: files ? lifecycle : nil, filed: files, isEvent: false)
        let expectation = reader.optional("expect").map { self.expectation($0, context: context) } ?? DefinitionTestExpectation()
        if let form { checkAnswered(given, form: form, expectation: expectation) }
        var events: [DefinitionTestEvent] = []
        if let node = reader.optional("events") {
            if files {
                events = self.events(node, after: filedAt ?? .distantPast, form: form, lifecycle: lifecycle)
            } else {
                sink.error("events happen to a filed ticket: give the test an 'at:' instant at which the ticket is filed",
                           at: reader.keyLocation("events"))
            }
        }
        guard sink.diagnostics.count == before, let name, let formID else { return nil }
        var written = given.mapValues(\.answer)
        // A file answer names files beside the test file, as an answers file's would beside the operator.
        for field in form?.fields ?? [] where field.type == .files {
            guard let answer = written[field.id], !folder.isEmpty else { continue }
            written[field.id] = .list(answer.items.map { $0.hasPrefix("/") || $0.isEmpty ? $0 : folder + "/" + $0 })
        }
        return DefinitionTestCase(name: name, location: reader.location, formID: formID, answers: written,
                                  requester: person, filedAt: filedAt, expectation: expectation, events: events)
    }

    /// Answers to fields the form does not have are mistakes, unless the test expects the problem.
    private func checkAnswered(_ given: [String: (answer: RawAnswer, location: SourceLocation)], form: FormDefinition,
                               expectation: DefinitionTestExpectation) {
        let expected = Set((expectation.errors ?? []).compactMap { $0.split(separator: ":").first.map(String.init) })
        for (id, answer) in given.sorted(by: { $0.value.location < $1.value.location })
        where form.field(id) == nil && !expected.contains(id) {
            sink.error("form '\(form.id)' has no field '\(id)'" + Suggestion.hint(for: id, in: form.fields.map(\.id)),
                       at: answer.location)
        }
    }

    func unknownForm(_ id: String, at location: SourceLocation) {
        sink.error("unknown form '\(id)'" + Suggestion.hint(for: id, in: catalog.forms.keys.sorted()), at: location)
    }

    private func requester(_ node: YAMLNode) -> Requester? {
        guard let reader = MappingReader(node, context: "'requester'", keys: ["email", "name"], sink: sink),
              let email = reader.string("email") else { return nil }
        guard AnswerParser.isEmail(email) else {
            sink.error("'\(email)' is not an e-mail address", at: reader.mapping["email"]?.location)
            return nil
        }
        return Requester(email: email, name: reader.string("name", required: false))
    }

    private func answers(_ node: YAMLNode) -> [String: (answer: RawAnswer, location: SourceLocation)] {
        switch AnswersFile.answers(in: node) {
        case .failure(let problems):
            sink.append(contentsOf: problems.diagnostics)
            return [:]
        case .success(let answers):
            guard case .mapping(let mapping) = node else { return [:] }
            var located: [String: (answer: RawAnswer, location: SourceLocation)] = [:]
            for entry in mapping.entries {
                if let answer = answers[entry.key.value] { located[entry.key.value] = (answer, entry.key.location) }
            }
            return located
        }
    }

    /// The instant `node` names; a mistake when it is not ISO 8601 with an offset.
    func instant(_ node: YAMLNode) -> Date? {
        guard let scalar = ValueReader(sink: sink).scalar(node, what: "an instant") else { return nil }
        guard let date = TestInstant.parse(scalar.value) else {
            sink.error("'\(scalar.value)' is not an instant; write it as in --now, with its offset: 2026-03-02T10:00-03:00 "
                       + "(or 2026-03-02T13:00Z)", at: scalar.location)
            return nil
        }
        return date
    }
}
