/// One text of the catalog that people read — a label, a help, an option, a status, a button, a
/// step's text — with what it is and where it is written.
public struct CatalogText: Hashable, Sendable {
    /// What the text is, for messages: `the label of field 'agency'`.
    public var what: String
    public var text: LocalizedText
    /// Where the definition holding the text is written.
    public var location: SourceLocation

    public init(what: String, text: LocalizedText, location: SourceLocation) {
        self.what = what
        self.text = text
        self.location = location
    }
}

extension Catalog {
    /// Every text of the catalog shown to requesters, each once where it is written (a shared
    /// option list's options under the list, not under every field that uses it), in file order.
    public var texts: [CatalogText] {
        var texts: [CatalogText] = []
        func add(_ what: String, _ text: LocalizedText?, _ location: SourceLocation) {
            if let text { texts.append(CatalogText(what: what, text: text, location: location)) }
        }
        func options(_ options: [OptionDefinition], of owner: String) {
            for option in options {
                add("the label of option '\(option.id)' of \(owner)", option.label, option.location)
                add("the help of option '\(option.id)' of \(owner)", option.help, option.location)
            }
        }
        func fields(_ items: [FieldItem]) {
            for case .field(let field) in items {
                if field.type == .note {
                    add("the text of a note", field.text, field.location)
                    continue
                }
                add("the label of field '\(field.id)'", field.label, field.location)
                add("the pattern message of field '\(field.id)'", field.pattern?.message, field.location)
                add("the help of field '\(field.id)'", field.help, field.location)
                add("the placeholder of field '\(field.id)'", field.placeholder, field.location)
                if field.optionListID == nil { options(field.options, of: "field '\(field.id)'") }
            }
        }
        for list in optionLists.values { options(list.options, of: "option list '\(list.id)'") }
        for group in fieldGroups.values {
            add("the title of field group '\(group.id)'", group.title, group.location)
            fields(group.items)
        }
        for form in forms.values {
            add("the title of form '\(form.id)'", form.title, form.location)
            add("the description of form '\(form.id)'", form.description, form.location)
            fields(form.items)
            for section in form.sections {
                add("the title of a section of form '\(form.id)'", section.title, section.location)
                add("the help of a section of form '\(form.id)'", section.help, section.location)
            }
            for rule in form.rules { add("the message of a rule of form '\(form.id)'", rule.message, rule.location) }
        }
        for flow in workflows.values {
            add("the title of workflow '\(flow.id)'", flow.title, flow.location)
            add("the description of workflow '\(flow.id)'", flow.description, flow.location)
            for step in flow.steps { stepTexts(step, add: add, options: options) }
        }
        for lifecycle in lifecycles.values {
            add("the title of lifecycle '\(lifecycle.id)'", lifecycle.title, lifecycle.location)
            for status in lifecycle.statuses {
                add("the label of status '\(status.id)'", status.label, status.location)
                add("the description of status '\(status.id)'", status.description, status.location)
            }
            for transition in lifecycle.transitions {
                add("the label of event '\(transition.event)'", transition.label, transition.location)
            }
        }
        for calendar in calendars.values {
            add("the title of calendar '\(calendar.id)'", calendar.title, calendar.location)
        }
        for macro in macros.values {
            add("the label of macro '\(macro.id)'", macro.label, macro.location)
            add("the body of macro '\(macro.id)'", macro.body, macro.location)
        }
        return texts.filter { $0.text.needsTranslation }.enumerated()
            .sorted { $0.element.location == $1.element.location ? $0.offset < $1.offset : $0.element.location < $1.element.location }
            .map(\.element)
    }

    private func stepTexts(_ step: StepDefinition, add: (String, LocalizedText?, SourceLocation) -> Void,
                           options: ([OptionDefinition], String) -> Void) {
        let name = "step '\(step.id)'"
        add("the title of \(name)", step.title, step.location)
        add("the help of \(name)", step.help, step.location)
        switch step.kind {
        case .permission(let gate):
            add("the message of \(name)", gate.message, step.location)
        case .assistant(let assistant):
            options(assistant.languages, "the languages of \(name)")
            options(assistant.scenarios, "the scenarios of \(name)")
            options(assistant.guidance, "the guidance of \(name)")
            add("the handoff of \(name)", assistant.handoff, step.location)
            for (key, text) in assistant.texts.all { add("the \(key) text of \(name)", text, step.location) }
        case .oneTimeCode(let code):
            add("the label of \(name)", code.label, step.location)
        case .identification(let identification):
            add("the continue button of \(name)", identification.continueLabel, step.location)
        case .subject(let choice):
            add("the label of \(name)", choice.label, step.location)
            add("the continue button of \(name)", choice.continueLabel, step.location)
            for subject in choice.subjects {
                add("the label of subject '\(subject.id)' of \(name)", subject.label, subject.location)
            }
        case .submit(let label):
            add("the button of \(name)", label, step.location)
        case .authentication, .form:
            break
        }
    }
}
