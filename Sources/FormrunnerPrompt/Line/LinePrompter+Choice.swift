import Foundation
import FormrunnerCore

extension LinePrompter {
    /// Prints the options numbered and reads a number, an id or a label (without regard to case or
    /// accents); an empty answer takes the default.
    public func askChoice(_ label: String, help: String?, options: [PromptOption], default defaultID: String?) throws(PromptInterruption) -> String {
        guard !options.isEmpty else { return defaultID ?? "" }
        let defaultNumber = options.firstIndex { $0.id == defaultID }.map { $0 + 1 }
        var hint = PromptText.lineChoiceHint(language)
        if let defaultNumber { hint += "; default: \(defaultNumber)" }
        ask(label, help: help, details: Self.numbered(options) + [Tone.subdued.apply("(" + hint + ")")])
        let matcher = OptionMatcher(options: options)
        while true {
            let answer = try readAnswer()
            if answer.isBlank {
                if let defaultNumber { return options[defaultNumber - 1].id }
                refuse(PromptText.chooseOne(language))
                continue
            }
            switch matcher.match(answer) {
            case .success(let id): return id
            case .failure(let problem): refuse(problem.message)
            }
        }
    }

    /// Prints the options numbered and reads numbers, ids or labels separated by commas; an empty
    /// answer keeps the defaults and `-` chooses none.
    public func askMultiChoice(_ label: String, help: String?, options: [PromptOption], defaults: [String],
                               check: ([String]) -> String?) throws(PromptInterruption) -> [String] {
        var hint = PromptText.lineMultiChoiceHint(language)
        let defaultNumbers = options.indices.filter { defaults.contains(options[$0].id) }.map { String($0 + 1) }
        if !defaultNumbers.isEmpty { hint += "; default: " + defaultNumbers.joined(separator: ", ") }
        ask(label, help: help, details: Self.numbered(options) + [Tone.subdued.apply("(" + hint + ")")])
        let matcher = OptionMatcher(options: options)
        while true {
            let answer = try readAnswer().trimmingCharacters(in: .whitespaces)
            let chosen: [String]
            if answer.isEmpty {
                chosen = options.map(\.id).filter(defaults.contains)
            } else if answer == "-" {
                chosen = []
            } else {
                switch Self.match(answer, with: matcher) {
                case .success(let ids): chosen = options.map(\.id).filter(ids.contains)
                case .failure(let problem):
                    refuse(problem.message)
                    continue
                }
            }
            guard let reason = check(chosen) else { return chosen }
            refuse(reason)
        }
    }

    /// The whole answer as one option, or each comma-separated part as one.
    private static func match(_ answer: String, with matcher: OptionMatcher) -> Result<[String], AnswerProblem> {
        if case .success(let id) = matcher.match(answer) { return .success([id]) }
        var ids: [String] = []
        for part in answer.split(separator: ",") where !String(part).isBlank {
            switch matcher.match(String(part)) {
            case .success(let id): ids.append(id)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(ids)
    }

    /// `1) label` lines, with each option's help under it.
    private static func numbered(_ options: [PromptOption]) -> [String] {
        let width = String(options.count).count
        return options.enumerated().flatMap { index, option -> [String] in
            let number = String(index + 1)
            let padding = String(repeating: " ", count: width - number.count)
            var lines = [padding + number + ") " + option.label.singleLine]
            if let help = option.help, !help.isBlank {
                lines.append(String(repeating: " ", count: width + 2) + Tone.subdued.apply(help.singleLine))
            }
            return lines
        }
    }
}
