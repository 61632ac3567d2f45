import FormrunnerCore

/// The `permission` step: the signed-in user must hold every required permission and, when the
/// step names countries, be in one of them.
public struct PermissionGate: Sendable {
    /// The step's settings.
    public let step: StepDefinition.Permission

    /// Why `user` may not go on (the step's message, then what exactly is missing), or nil.
    /// A gate for the step's settings.
    public init(step: StepDefinition.Permission) {
        self.step = step
    }

    public func refusal(for user: UserRecord, language: String) -> String? {
        var reasons: [String] = []
        let missing = step.required.filter { !user.permissions.contains($0) }
        if !missing.isEmpty {
            reasons.append("\(user.email) lacks the permission\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        if !step.countries.isEmpty, !step.countries.contains(user.country ?? "") {
            let allowed = step.countries.joined(separator: ", ")
            reasons.append(user.country.map { "\(user.email) is registered in \($0), and this flow is for \(allowed) only" }
                           ?? "\(user.email) has no country on record, and this flow is for \(allowed) only")
        }
        guard !reasons.isEmpty else { return nil }
        let message = step.message?.text(in: language) ?? "You may not use this flow."
        return message + " (" + reasons.joined(separator: "; ") + ")"
    }
}
