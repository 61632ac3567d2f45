/// Walks a SurveyJS survey's pages, panels and questions, in order, into sections of fields.
struct SurveyJSFormBuilder {
    let ledger: ImportLedger
    var sections: [ImportedForm.Section] = []
    var rules: [ImportedForm.Rule] = []
    /// Whether the survey has several pages or any panel (else its fields are written without sections).
    var needsSections = false
    var translator = SurveyJSConditionTranslator(questions: [:])
    /// `requiredIf` of each question, translated once every question is known (a rule may read any).
    var pendingRequirements: [(element: JSONSourceValue, field: ImportedForm.Field, subject: String)] = []

    init(ledger: ImportLedger) { self.ledger = ledger }

    /// Survey, page and question properties that the builder reads itself, or that only change how
    /// the survey looks (`showProgressBar`, `colCount`…): no loss is reported for them.
    static let presentation: Set<String> = [
        "name", "showQuestionNumbers", "questionTitleLocation", "showProgressBar", "progressBarType", "widthMode", "width",
        "minWidth", "maxWidth", "showTitle", "logo", "logoPosition", "logoWidth", "logoHeight", "logoFit", "focusFirstQuestionAutomatic",
        "checkErrorsMode", "textUpdateMode", "questionErrorLocation", "showPageTitles", "showPageNumbers", "showNavigationButtons",
        "pagePrevText", "pageNextText", "completeText", "previewText", "editText", "startSurveyText", "requiredText",
        "questionDescriptionLocation", "questionsOnPageMode", "showCompletedPage", "headerView", "backgroundImage",
        "backgroundOpacity", "titleLocation", "startWithNewLine", "indent", "hideNumber", "descriptionLocation", "colCount",
        "rows", "autoGrow", "allowResize", "renderAs", "showClearButton", "searchEnabled", "size", "autocomplete",
        "questionTitlePattern", "navigationButtonsVisibility", "state", "innerIndent", "showNumber", "separateSpecialChoices",
        "rateType", "displayMode", "rateDisplayMode", "scaleColorMode", "rateColorMode", "allowImagesPreview", "storeDataAsText",
        "waitForUpload", "needConfirmRemoveFile", "storeOthersAsComment", "locale", "type", "elements", "questions", "pages",
        "title", "description", "isRequired", "visibleIf", "enableIf", "requiredIf", "validators", "choices", "defaultValue",
        "placeholder", "placeHolder", "inputType", "min", "max", "maxLength", "html", "otherText", "noneText", "commentText",
        "otherPlaceholder", "otherPlaceHolder", "labelTrue", "labelFalse", "rateValues", "rateMin", "rateMax", "rateStep",
        "rateCount", "minRateDescription", "maxRateDescription", "allowMultiple", "maxSize", "acceptedTypes", "showOtherItem",
        "hasOther", "showNoneItem", "hasNone", "showCommentArea", "hasComment", "minSelectedChoices", "maxSelectedChoices",
        "multiSelect", "choicesOrder", "showSelectAllItem", "hasSelectAll", "choicesByUrl", "choicesFromQuestion", "visible",
        "readOnly", "valueTrue", "valueFalse",
    ]

    /// What the form loses with a property of the survey itself.
    static let surveyLossReasons: [String: String] = [
        "triggers": "triggers (formrunner's life cycles act on tickets, not on answers being typed)",
        "calculatedValues": "calculatedValues (formrunner asks questions and computes nothing)",
        "completedHtml": "completedHtml, the page shown at the end (a ticket's confirmation e-mail says what comes next)",
        "completedHtmlOnCondition": "completedHtmlOnCondition (a ticket's confirmation e-mail says what comes next)",
    ]

    mutating func surveyLosses(_ root: JSONSourceValue) {
        for member in root.members where !Self.presentation.contains(member.key) || member.key == "locale" {
            if member.key == "locale" {
                if let locale = member.value.string, !["", "en"].contains(locale) {
                    ledger.lose("locale '\(locale)' (the texts written without a language are kept as the form's English text)",
                                subject: "survey", line: member.line)
                }
                continue
            }
            ledger.lose(Self.surveyLossReasons[member.key] ?? "property '\(member.key)' (no formrunner equivalent)", subject: "survey", line: member.line)
        }
    }

    /// Text or a localized string (`{"default": …, "pt": …}`) as a label; other languages are reported.
    func text(_ value: JSONSourceValue, subject: String, what: String, line: Int) -> ImportedForm.Text? {
        if let plain = value.scalarText { return plain.isEmpty ? nil : .init(plain) }
        guard value.isObject else { return nil }
        var english: String?, others: [(language: String, text: String)] = []
        for member in value.members {
            guard let text = member.value.scalarText, !text.isEmpty else { continue }
            switch member.key {
            case "default", "en": if member.key == "en" || english == nil { english = text }
            case "pt", "es": others.append((member.key, text))
            default: ledger.lose("the \(member.key) text of its \(what) (formrunner speaks en, pt and es)", subject: subject, line: member.line)
            }
        }
        guard let english = english ?? others.first?.text else { return nil }
        return ImportedForm.Text(translations: [("en", english)] + others.filter { $0.language != "en" })
    }

    /// Translates a condition property (`visibleIf`, `enableIf`, `requiredIf`); reports what it cannot.
    func condition(_ owner: JSONSourceValue, _ key: String, subject: String, consequence: String) -> String? {
        guard let member = owner.member(key), let expression = member.value.string, !expression.isEmpty else { return nil }
        do {
            return try translator.translate(expression)
        } catch {
            ledger.lose("\(key) '\(expression)' (\(error.reason)); \(consequence)", subject: subject, line: member.line)
            return nil
        }
    }

    /// `a`, `b` → `a and b`, with parentheses around a side holding `or`.
    static func conjunction(_ parts: [String?]) -> String? {
        let parts = parts.compactMap { $0 }
        guard parts.count > 1 else { return parts.first }
        return parts.map { $0.contains(" or ") && !isWrapped($0) ? "(\($0))" : $0 }.joined(separator: " and ")
    }

    /// Whether `condition` is one parenthesised whole, `(…)`, outside its strings.
    static func isWrapped(_ condition: String) -> Bool {
        guard condition.hasPrefix("("), condition.hasSuffix(")") else { return false }
        var depth = 0, quote: Character?, escaped = false
        for (offset, character) in condition.enumerated() {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0, offset < condition.count - 1 { return false }
            default: break
            }
        }
        return true
    }
}
