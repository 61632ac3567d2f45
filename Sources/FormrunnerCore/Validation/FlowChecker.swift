/// Checks an entry flow's references: its life cycle, forms and field groups.
struct FlowChecker {
    let sink: DiagnosticSink
    let catalog: Catalog

    func check(_ flow: WorkflowDefinition) {
        if catalog.lifecycles[flow.lifecycleID] == nil {
            sink.unknownReference("lifecycle", flow.lifecycleID, among: catalog.lifecycles.keys, at: flow.lifecycleLocation)
        }
        for step in flow.steps {
            switch step.kind {
            case .form(let form):
                checkForm(form.id, at: form.location, flow: flow)
            case .subject(let choice):
                for subject in choice.subjects { checkForm(subject.formID, at: subject.formLocation, flow: flow) }
            case .identification(let identification):
                if catalog.fieldGroups[identification.group.id] == nil {
                    sink.unknownReference("field group", identification.group.id, among: catalog.fieldGroups.keys, at: identification.group.location)
                }
            default:
                break
            }
        }
    }

    private func checkForm(_ id: String, at location: SourceLocation, flow: WorkflowDefinition) {
        guard let form = catalog.forms[id] else {
            sink.unknownReference("form", id, among: catalog.forms.keys, at: location)
            return
        }
        if let own = form.lifecycleID, own != flow.lifecycleID {
            sink.error(.lifecycleMismatch, "form '\(id)' follows lifecycle '\(own)' but workflow '\(flow.id)' files its tickets under '\(flow.lifecycleID)'; "
                       + "make them agree or drop the form's 'lifecycle'", at: location,
                       notes: [.init("the workflow's lifecycle", at: flow.lifecycleLocation)])
        }
    }
}
