import Foundation
import FormrunnerAuth
import FormrunnerCore

/// The step interpreter of an entry flow: which step comes next, and what an answer to a step does
/// to the run. It never shows anything: the terminal prompter (`FormrunnerRun`) and the web pages
/// (`FormrunnerWeb`) both drive it, so a flow is never implemented twice.
///
/// A run's whole position is a ``FlowState`` (a value, saved as a draft after every step) plus who
/// signed in. Steps are done in the YAML's order; the authentication and permission steps are done
/// again by every new sign-in and never kept as done in a draft.
///
/// A class, though it holds only constants: the services it carries are some eighty references,
/// which a copy of a struct would retain one by one; the web portal keeps one interpreter a flow
/// and hands it to every request.
public final class FlowInterpreter: Sendable {
    /// The flow being run.
    public let flow: WorkflowDefinition
    /// The catalog, the desk, the identity stores, notifiers and the clock.
    public let services: FlowServices

    /// An interpreter of `flow`.
    public init(flow: WorkflowDefinition, services: FlowServices) {
        self.flow = flow
        self.services = services
    }

    /// Where a run stands.
    public enum Position: Sendable {
        /// This step waits for the person.
        case step(StepDefinition)
        /// A step refused the person (the permission gate), with the message to show.
        case refused(String)
        /// Every step is done, but none filed the ticket (a flow without a submit step).
        case end
    }

    /// The first step not done yet. Before it, every permission step is checked for `user`: a gate
    /// that refuses ends the run; one that lets them pass is marked done.
    public func position(of state: inout FlowState, user: UserRecord?) -> Position {
        for step in flow.steps where !state.isDone(step.id) {
            switch step.kind {
            case .authentication:
                guard user != nil else { return .step(step) }
                state.markDone(step.id)
            case .permission(let settings):
                guard let user else { return .step(step) }
                if let refusal = PermissionGate(step: settings).refusal(for: user, language: state.language) {
                    return .refused(refusal)
                }
                state.markDone(step.id)
            default:
                return .step(step)
            }
        }
        return .end
    }

    /// The step with this id.
    public func step(_ id: String) -> StepDefinition? {
        flow.steps.first { $0.id == id }
    }

    /// The flow's authentication step, if it has one.
    public var authentication: StepDefinition.Authentication? {
        for step in flow.steps { if case .authentication(let settings) = step.kind { return settings } }
        return nil
    }

    /// The identification, subject and form answers resolved the way `run --no-input` resolves them.
    public var flowAnswers: FlowAnswers { FlowAnswers(catalog: services.catalog, flow: flow) }

    /// The fields of the identification step as a form of their own, if the flow has one.
    public var identificationForm: FormDefinition? { flowAnswers.identificationForm }

    /// The form the run leads to: the chosen subject's, or the form step's.
    public func currentForm(_ state: FlowState) -> FormDefinition? {
        if let subjectID = state.subjectID {
            // A run's subject is one of the flow's subject ids (see `chooseSubject`): found by it
            // without lower-casing every subject's label, as a typed subject is matched, and
            // without a `FlowAnswers` (a copy of the catalog and the flow) made for it.
            for step in flow.steps {
                guard case .subject(let choice) = step.kind else { continue }
                if let subject = choice.subjects.first(where: { $0.id == subjectID }) {
                    return services.catalog.forms[subject.formID]
                }
                break
            }
            return flowAnswers.form(forSubject: subjectID)?.form
        }
        for step in flow.steps {
            if case .form(let reference) = step.kind { return services.catalog.forms[reference.id] }
        }
        return nil
    }

    /// The submit step's button label in the run's language ("Create ticket", "Send").
    public func submitLabel(_ state: FlowState) -> String {
        for step in flow.steps {
            if case .submit(let label) = step.kind { return label.text(in: state.language) }
        }
        return "Send"
    }
}
