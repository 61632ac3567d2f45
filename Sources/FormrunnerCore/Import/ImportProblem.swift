import Foundation

/// One thing wrong with a line of an import file.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Every problem of one line of an import file.
public struct ImportProblems: Error, Sendable, Hashable {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }
}
