/// A syntax or type error in a `when:` condition, located inside the condition text.
public struct ConditionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, short and lower case, naming the fields and tokens involved.
    public var message: String
    /// Where the problem starts: a 0-based offset in Unicode scalars from the start of the
    /// condition text. The end of the text (its length) for "unexpected end of condition".
    public var offset: Int
    /// How many Unicode scalars the problem covers; at least 1.
    public var length: Int

    /// Creates an error covering `length` scalars from `offset`.
    public init(message: String, offset: Int, length: Int = 1) {
        self.message = message
        self.offset = offset
        self.length = max(1, length)
    }

    /// `offset:length: message`, for test failures and logs.
    public var description: String { "\(offset):\(length): \(message)" }
}
