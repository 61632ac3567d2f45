import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

/// The `assistant` step in a terminal: the language and scenario, the guidance prompts, then either
/// the hand-off to a person (the flow goes on) or the question counts as answered (the run ends, no
/// ticket). The interpreter records the answers.
struct AssistantStep {
    let step: StepDefinition.Assistant
    let interpreter: FlowInterpreter
    let prompter: any Prompter

    /// Asks the step, updating `state`; returns whether the person wants to talk to a person.
    func run(_ state: inout FlowState) throws(PromptInterruption) -> Bool {
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
        let next = try prompter.askChoice(RequesterText.whatNext.text(shown), help: nil, options: [
            PromptOption(id: FlowInterpreter.AssistantChoice.handoff.rawValue, label: step.handoff.text(in: shown)),
            PromptOption(id: FlowInterpreter.AssistantChoice.answered.rawValue, label: RequesterText.answered.text(shown)),
        ], default: FlowInterpreter.AssistantChoice.handoff.rawValue)
        return next != FlowInterpreter.AssistantChoice.answered.rawValue
    }

    private func options(_ options: [OptionDefinition], in language: String) -> [PromptOption] {
        options.map { PromptOption(id: $0.id, label: $0.label.text(in: language), help: $0.help?.text(in: language)) }
    }
}
