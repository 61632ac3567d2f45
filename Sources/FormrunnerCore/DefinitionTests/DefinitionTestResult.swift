/// How one test case ended.
public struct DefinitionTestResult: Sendable, Hashable {
    /// The test file.
    public var file: String
    /// The case's name.
    public var name: String
    /// Where the case is written.
    public var location: SourceLocation
    /// Every way the case did not hold; empty when it passed.
    public var failures: [DefinitionTestFailure]

    /// Whether the case held.
    public var passed: Bool { failures.isEmpty }

    /// The result of the case `name` of `file`.
    public init(file: String, name: String, location: SourceLocation, failures: [DefinitionTestFailure]) {
        self.file = file
        self.name = name
        self.location = location
        self.failures = failures
    }
}
