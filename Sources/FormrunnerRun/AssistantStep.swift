import FormrunnerCore
import FormrunnerPrompt

/// The `assistant` step: the language and scenario, the guidance prompts, then either the hand-off
/// to a person (the flow goes on) or the question counts as answered (the run ends, no ticket).
struct AssistantStep {
    let step: StepDefinition.Assistant
    let prompter: any Prompter

    /// The id of the choice that ends the run without a ticket.
    static let answeredID = "answered"

    /// Asks the step, updating `state`; returns whether the person wants to talk to a person.
    func run(_ state: inout FlowState) throws(PromptInterruption) -> Bool {
        if !step.languages.isEmpty {
            state.language = try prompter.askChoice("Language", help: nil, options: options(step.languages, in: state.language),
                                                    default: step.languages.contains { $0.id == state.language }
                                                        ? state.language : step.languages.first?.id)
        }
        let language = state.language
        if !step.scenarios.isEmpty {
            state.scenario = try prompter.askChoice("Scenario", help: nil, options: options(step.scenarios, in: language),
                                                    default: state.scenario)
        }
        for prompt in step.guidance {
            let text = try prompter.askText(prompt.label.text(in: language), help: prompt.help?.text(in: language),
                                            default: state.guidance[prompt.id], masked: false, multiline: true) { _ in nil }
            state.guidance[prompt.id] = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        }
        let next = try prompter.askChoice("What next?", help: nil, options: [
            PromptOption(id: "handoff", label: step.handoff.text(in: language)),
            PromptOption(id: Self.answeredID, label: "My question is answered; I don't need a ticket"),
        ], default: "handoff")
        return next != Self.answeredID
    }

    /// The guidance answers as one text, each under its prompt's label: what the form's first
    /// multi-line field starts with, so nothing is typed twice.
    static func summary(of step: StepDefinition.Assistant, state: FlowState) -> String? {
        let parts = step.guidance.compactMap { prompt -> String? in
            guard let text = state.guidance[prompt.id] else { return nil }
            return prompt.label.text(in: state.language) + ":\n" + text
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func options(_ options: [OptionDefinition], in language: String) -> [PromptOption] {
        options.map { PromptOption(id: $0.id, label: $0.label.text(in: language), help: $0.help?.text(in: language)) }
    }
}
