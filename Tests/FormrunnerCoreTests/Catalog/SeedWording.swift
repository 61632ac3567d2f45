/// The wording of the support desk the first catalog reproduces, copied verbatim from the seed
/// article ("Opening tickets to VTEX support"). The catalog must use exactly these labels.
enum SeedWording {
    static let experienceLevels = [
        "I'm familiar with the basic resources. I'm learning",
        "I know everything I need to do my job well",
        "I am experienced and understand advanced features",
    ]
    static let usersAffected = ["Admin dashboard users", "Buyers, consumers, or end-users", "All users"]
    static let problemImpact = [
        "Unexpected behavior with auxiliary store resources",
        "Unexpected behavior with important store resources",
        "Unexpected behavior with critical store resources",
    ]
    static let environments = ["Production", "Development / QA / Sandbox"]
    static let problemTypes = [
        "The store is experiencing a problem or unexpected behavior",
        "I have a concern and would like to ask a question",
        "I would like to request a setup",
    ]
    static let scenarios = ["I have a doubt", "I have an unexpected behavior", "I need VTEX to setup something"]
    static let guidance = ["Explain the objective", "Detail the problem", "List the resources already used"]
    static let financialSubjects = [
        "Admin blocked",
        "Admin delay alert",
        "Sending payment receipt",
        "Problems receiving or reconciling a boleto and/or invoice",
        "Questions about amount, calculation and other billing information",
        "Contract model migration",
        "Contractual liability transfer",
        "Change the intended recipients for invoices",
        "Change registration information",
        "Contract termination",
        "Change monthly invoice expiration date",
        "VTEX Partner",
        "VTEX platform SLA",
    ]
    static let commercialSubjects = [
        "New Trade Policy",
        "New White Label - Franchise Account",
        "New Additional Account",
        "Master Admin Change",
    ]
    static let statuses = ["Open", "Awaiting your reply", "Solved", "Closed"]
    /// The intake form's questions, in the seed's order (labels as the seed writes them).
    static let intakeLabels = [
        "Title", "Description", "Experience level with the platform", "Agency", "Users affected by the problem",
        "Problem impact", "Environment where the problem is occurring", "Problem type", "Evidence",
    ]
}
