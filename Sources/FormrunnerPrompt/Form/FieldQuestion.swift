import Foundation
import FormrunnerCore

/// One field asked through a prompter, its answer checked by ``FormAnswers/value(_:for:)``.
struct FieldQuestion {
    /// The id of the extra option that leaves an optional choice unanswered.
    static let noAnswerID = ""

    let field: FieldDefinition
    let prompter: any Prompter
    let language: String
    let checker: FormAnswers
    /// The accounts an `account` field offers as a choice; nil asks for the account as text.
    var accounts: [String]? = nil

    /// The new answer (nil: none) and the attachments it brings, by SHA-256.
    typealias Outcome = (value: AnswerValue?, files: [String: String])

    private var label: String { field.label.text(in: language) }

    /// Asks the field, offering `current` (else the definition's default) as the default.
    func ask(current: AnswerValue?, files: [String: String]) throws(PromptInterruption) -> Outcome {
        let start = current ?? field.defaultValue
        switch field.type {
        case .boolean: return try askBoolean(start)
        case .choice: return try askChoice(start)
        case .multichoice: return try askMultiChoice(start)
        case .files: return try askFiles(current, known: files)
        case .account where !(accounts ?? []).isEmpty: return try askAccount(start, among: accounts ?? [])
        case .text, .multiline, .email, .number, .date, .datetime, .secret, .account: return try askText(start)
        case .note: return (nil, [:])
        }
    }

    private func help(hasDefault: Bool) -> String? {
        FieldHelp(language: language).text(for: field, hasDefault: hasDefault)
    }

    /// Whether `text` leaves an optional field unanswered: empty, or `-`.
    private func clears(_ text: String) -> Bool {
        text.isBlank || (!field.required && text.trimmingCharacters(in: .whitespaces) == "-")
    }

    private func askText(_ start: AnswerValue?) throws(PromptInterruption) -> Outcome {
        var accepted: AnswerValue?
        let defaultText = start?.plainText
        _ = try prompter.askText(label, help: help(hasDefault: defaultText != nil), default: defaultText,
                                 masked: field.type == .secret, multiline: field.type == .multiline) { text in
            accepted = nil
            if clears(text) { return field.required ? PromptText.required(language) : nil }
            switch checker.value(.single(text), for: field) {
            case .success(let (value, _)):
                accepted = value
                return nil
            case .failure(let problem): return problem.message
            }
        }
        return (accepted, [:])
    }

    private func askBoolean(_ start: AnswerValue?) throws(PromptInterruption) -> Outcome {
        var defaultValue: Bool?
        if case .boolean(let value)? = start { defaultValue = value }
        while true {
            let answer = try prompter.askYesNo(label, help: help(hasDefault: defaultValue != nil), default: defaultValue,
                                               skippable: !field.required && field.mustBe == nil)
            guard let wanted = field.mustBe, answer != wanted else { return (answer.map(AnswerValue.boolean), [:]) }
            // An "I agree" box: the only answer that lets the form go on is `must_be:`.
            prompter.say(AnswerParser.mustBeMessage(field), style: .error)
            defaultValue = nil
        }
    }

    private func askChoice(_ start: AnswerValue?) throws(PromptInterruption) -> Outcome {
        var options = promptOptions
        if !field.required { options.append(PromptOption(id: Self.noAnswerID, label: RequesterText.noAnswer.text(language))) }
        var defaultID: String? = field.required ? nil : Self.noAnswerID
        if case .choice(let id)? = start, field.option(id) != nil { defaultID = id }
        let id = try prompter.askChoice(label, help: help(hasDefault: defaultID != nil), options: options, default: defaultID)
        guard id != Self.noAnswerID, case .success(let (value, _)) = checker.value(.single(id), for: field) else {
            return (nil, [:])
        }
        return (value, [:])
    }

    private func askMultiChoice(_ start: AnswerValue?) throws(PromptInterruption) -> Outcome {
        var defaults: [String] = []
        if case .choices(let ids)? = start { defaults = ids }
        var accepted: AnswerValue?
        _ = try prompter.askMultiChoice(label, help: help(hasDefault: !defaults.isEmpty), options: promptOptions,
                                        defaults: defaults) { ids in
            accepted = nil
            // Options that must be chosen say so themselves (`must include '…'`).
            if ids.isEmpty, field.requiredOptions.isEmpty { return field.required ? RequesterText.chooseAtLeastOne.text(language) : nil }
            switch checker.value(.list(ids), for: field) {
            case .success(let (value, _)):
                accepted = value
                return nil
            case .failure(let problem): return problem.message
            }
        }
        return (accepted, [:])
    }

    /// Paths checked on the spot by the attachment inspector. When the current attachments'
    /// paths are known they are the default; otherwise an empty answer keeps them.
    private func askFiles(_ current: AnswerValue?, known: [String: String]) throws(PromptInterruption) -> Outcome {
        var currentRefs: [AttachmentRef] = []
        if case .files(let refs)? = current { currentRefs = refs }
        let paths = currentRefs.compactMap { known[$0.sha256] }
        let defaultText = !currentRefs.isEmpty && paths.count == currentRefs.count ? paths.joined(separator: ", ") : nil
        let keepsUnknown = !currentRefs.isEmpty && defaultText == nil
        var help = help(hasDefault: !currentRefs.isEmpty)
        if keepsUnknown {
            help = [help, RequesterText.keepsFiles.text(language, currentRefs.map(\.name).joined(separator: ", "))]
                .compactMap { $0 }.joined(separator: "\n")
        }
        var accepted: Outcome = (nil, [:])
        _ = try prompter.askText(label, help: help, default: defaultText, masked: false, multiline: false) { text in
            accepted = (nil, [:])
            if text.isBlank, keepsUnknown {
                accepted = (current, [:])
                return nil
            }
            if clears(text) { return field.required ? PromptText.required(language) : nil }
            switch checker.value(.list(FilePaths.split(text)), for: field) {
            case .success(let (value, files)):
                accepted = (value, files)
                return nil
            case .failure(let problem): return problem.message
            }
        }
        return accepted
    }

    /// One of the accounts the person may act for, chosen from a list (type to filter).
    private func askAccount(_ start: AnswerValue?, among accounts: [String]) throws(PromptInterruption) -> Outcome {
        var options = accounts.map { PromptOption(id: $0, label: $0) }
        if !field.required { options.append(PromptOption(id: Self.noAnswerID, label: RequesterText.noAnswer.text(language))) }
        var defaultID: String? = accounts.count == 1 ? accounts[0] : nil
        if case .text(let account)? = start, accounts.contains(account) { defaultID = account }
        let id = try prompter.askChoice(label, help: help(hasDefault: defaultID != nil), options: options, default: defaultID)
        return (id == Self.noAnswerID ? nil : .text(id), [:])
    }

    private var promptOptions: [PromptOption] {
        field.options.map { PromptOption(id: $0.id, label: $0.label.text(in: language), help: $0.help?.text(in: language)) }
    }
}
