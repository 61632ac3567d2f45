import FormrunnerCore
import FormrunnerFlow
import FormrunnerKnowledge
import FormrunnerPrompt

/// The `assistant` step in a terminal: the language and scenario, the guidance prompts, then the
/// articles of the knowledge base that best match the requester's words. They can read one
/// (rendered for the terminal), ask again with other words, say their question is answered (the run
/// ends, no ticket) or talk to a person (the flow goes on). The interpreter searches and records.
struct AssistantStep {
    let step: StepDefinition.Assistant
    let interpreter: FlowInterpreter
    let prompter: any Prompter
    let user: UserRecord?

    private static let readPrefix = "read:"
    private static let again = "again"

    /// Asks the step, updating `state`; returns whether the person wants to talk to a person.
    func run(_ state: inout FlowState) async throws -> Bool {
        var language: String?
        if !step.languages.isEmpty {
            language = try prompter.askChoice(RequesterText.language.text(state.language), help: nil, options: options(step.languages, in: state.language),
                                              default: step.languages.contains { $0.id == state.language }
                                                  ? state.language : step.languages.first?.id)
        }
        let shown = language ?? state.language
        prompter.language = shown
        var scenario: String?
        if !step.scenarios.isEmpty {
            scenario = try prompter.askChoice(RequesterText.scenario.text(shown), help: nil, options: options(step.scenarios, in: shown),
                                              default: state.scenario)
        }
        var guidance: [String: String] = [:]
        for prompt in step.guidance {
            guidance[prompt.id] = try prompter.askText(prompt.label.text(in: shown), help: prompt.help?.text(in: shown),
                                                       default: state.guidance[prompt.id], masked: false, multiline: true) { _ in nil }
        }
        // The options came from the step itself, so the interpreter finds nothing to refuse.
        _ = interpreter.recordAssistant(step, language: language, scenario: scenario, guidance: guidance, in: &state)
        let texts = step.texts
        var hits = try await interpreter.suggest(interpreter.guidanceQuestion(step, state: state), requester: user?.email, in: &state)
        while true {
            if interpreter.answersFromKnowledge { list(hits, in: shown) }
            var choices = [
                PromptOption(id: FlowInterpreter.AssistantChoice.handoff.rawValue, label: step.handoff.text(in: shown)),
                PromptOption(id: FlowInterpreter.AssistantChoice.answered.rawValue, label: texts.answered.text(in: shown)),
            ]
            if interpreter.answersFromKnowledge {
                choices += hits.map { PromptOption(id: Self.readPrefix + $0.id, label: texts.read.text(in: shown) + ": " + $0.title) }
                choices.append(PromptOption(id: Self.again, label: texts.askAgain.text(in: shown)))
            }
            let next = try prompter.askChoice(RequesterText.whatNext.text(shown), help: nil, options: choices,
                                              default: FlowInterpreter.AssistantChoice.handoff.rawValue)
            if next.hasPrefix(Self.readPrefix) {
                if let article = try await interpreter.openArticle(String(next.dropFirst(Self.readPrefix.count)), in: &state) {
                    prompter.say(article.title, style: .title)
                    prompter.say(MarkdownText.terminal(article.body), style: .info)
                }
            } else if next == Self.again {
                let words = try prompter.askText(texts.otherWords.text(in: shown), help: nil, default: nil, masked: false,
                                                 multiline: false) { _ in nil }
                hits = try await interpreter.suggest(words, requester: user?.email, in: &state)
            } else if next == FlowInterpreter.AssistantChoice.answered.rawValue {
                try await interpreter.endAssistant(.answered, in: &state)
                prompter.say(texts.closing.text(in: shown), style: .success)
                return false
            } else {
                try await interpreter.endAssistant(.handoff, in: &state)
                return true
            }
        }
    }

    /// The articles found, numbered, each with its excerpt; or that none matches.
    private func list(_ hits: [KnowledgeHit], in language: String) {
        guard !hits.isEmpty else { return prompter.say(step.texts.noMatch.text(in: language), style: .info) }
        prompter.say(step.texts.suggestions.text(in: language), style: .title)
        for (rank, hit) in hits.enumerated() {
            prompter.say("\(rank + 1). \(hit.title)\n   \(hit.excerpt)", style: .info)
        }
    }

    private func options(_ options: [OptionDefinition], in language: String) -> [PromptOption] {
        options.map { PromptOption(id: $0.id, label: $0.label.text(in: language), help: $0.help?.text(in: language)) }
    }
}
