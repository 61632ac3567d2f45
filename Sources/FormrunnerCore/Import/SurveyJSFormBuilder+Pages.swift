/// Pages and panels: each becomes a section (panels inside panels too, one after the other).
extension SurveyJSFormBuilder {
    mutating func build(_ root: JSONSourceValue, surveyTitle: ImportedForm.Text) {
        if let pages = root["pages"]?.array {
            needsSections = pages.count > 1
            for (index, page) in pages.enumerated() { self.page(page, number: index + 1) }
        } else {
            let elements = root["elements"]?.array ?? root["questions"]?.array ?? []
            container(elements, title: surveyTitle, help: nil, when: nil)
        }
        addRequirementRules()
    }

    private mutating func page(_ page: JSONSourceValue, number: Int) {
        let name = page["name"]?.string ?? "page\(number)"
        let subject = "element '\(name)' (type page)"
        guard page.isObject else {
            ledger.lose("expected an object, found \(page.kindDescription)", subject: "page \(number)", line: page.line)
            return
        }
        let title = page["title"].flatMap { text($0, subject: subject, what: "title", line: page.member("title")?.line ?? page.line) }
            ?? .init(page["name"]?.string ?? "Page \(number)")
        let help = page["description"].flatMap { text($0, subject: subject, what: "description", line: page.member("description")?.line ?? page.line) }
        let when = condition(page, "visibleIf", subject: subject, consequence: "the section is always shown")
        containerLosses(page, subject: subject)
        let before = sections.count
        container(page["elements"]?.array ?? page["questions"]?.array ?? [], title: title, help: help, when: when)
        if sections.count == before {
            ledger.lose("it holds no question that could be carried over", subject: subject, line: page.line)
        }
    }

    private mutating func panel(_ panel: JSONSourceValue, parentWhen: String?) {
        let name = panel["name"]?.string ?? "panel"
        let subject = "element '\(name)' (type panel)"
        let title = panel["title"].flatMap { text($0, subject: subject, what: "title", line: panel.member("title")?.line ?? panel.line) }
            ?? .init(name)
        let help = panel["description"].flatMap { text($0, subject: subject, what: "description", line: panel.member("description")?.line ?? panel.line) }
        let own = condition(panel, "visibleIf", subject: subject, consequence: "the section is always shown")
        containerLosses(panel, subject: subject)
        let before = sections.count
        container(panel["elements"]?.array ?? panel["questions"]?.array ?? [], title: title, help: help,
                  when: Self.conjunction([parentWhen, own]))
        if sections.count == before {
            ledger.lose("it holds no question that could be carried over", subject: subject, line: panel.line)
        }
    }

    /// The questions of a page or panel; a panel among them closes the section so far and opens its own.
    mutating func container(_ elements: [JSONSourceValue], title: ImportedForm.Text, help: ImportedForm.Text?, when: String?) {
        var current = ImportedForm.Section(title: title, help: help, when: when)
        for element in elements {
            if element["type"]?.string == "panel" {
                needsSections = true
                if !current.fields.isEmpty { sections.append(current) }
                current = ImportedForm.Section(title: title, when: when)
                panel(element, parentWhen: when)
            } else {
                current.fields += question(element)
            }
        }
        if !current.fields.isEmpty { sections.append(current) }
    }

    /// What a page or panel loses: `enableIf`, `readOnly`, `requiredIf` and unknown properties.
    private func containerLosses(_ container: JSONSourceValue, subject: String) {
        for member in container.members {
            switch member.key {
            case "enableIf", "readOnly":
                ledger.lose("\(member.key) (formrunner has no read-only sections)", subject: subject, line: member.line)
            case "requiredIf", "isRequired":
                ledger.lose("\(member.key) (a section is not answered; its questions are)", subject: subject, line: member.line)
            case "visible" where member.value.bool == false:
                ledger.lose("visible: false (the section is shown)", subject: subject, line: member.line)
            default:
                if !Self.presentation.contains(member.key) {
                    ledger.lose("property '\(member.key)' (no formrunner equivalent)", subject: subject, line: member.line)
                }
            }
        }
    }
}
