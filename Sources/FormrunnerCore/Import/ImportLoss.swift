/// Something of the imported file that the formrunner form does not carry, and where it was written.
///
/// Printed one a line: `FILE:LINE: element 'x' (type matrix): not carried over: …`.
public struct ImportLoss: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line where the lost thing is written.
    public var line: Int
    /// What holds it: `element 'name' (type matrix)`, `form` or `survey`.
    public var subject: String
    /// What is lost, and why.
    public var message: String

    public init(file: String, line: Int, subject: String, message: String) {
        self.file = file
        self.line = line
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(file):\(line): \(subject): not carried over: \(message)" }
}

