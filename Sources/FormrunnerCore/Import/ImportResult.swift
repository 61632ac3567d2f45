/// What an importer made of a file: the form and what it could not carry.
public struct ImportResult: Sendable {
    public var form: ImportedForm
    /// In the order they are written in the file.
    public var losses: [ImportLoss]

    public init(form: ImportedForm, losses: [ImportLoss]) {
        self.form = form
        self.losses = losses
    }
}

/// The settings every importer takes.
public struct ImportSettings: Sendable {
    /// The form id to give (default: from the file's name or title).
    public var formID: String?
    /// The team of the form.
    public var team: String

    public init(formID: String? = nil, team: String = "support") {
        self.formID = formID
        self.team = team
    }
}

/// A file an importer cannot read: malformed YAML or JSON, or not the shape of the format.
public struct ImportFailure: Error, Sendable {
    /// The problems, located in the file.
    public var diagnostics: [Diagnostic]
    /// The file's text, for excerpts (empty when it could not be decoded).
    public var source: String

    public init(_ diagnostics: [Diagnostic], source: String) {
        self.diagnostics = diagnostics
        self.source = source
    }
}
