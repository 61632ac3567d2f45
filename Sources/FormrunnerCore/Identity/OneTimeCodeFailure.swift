/// Why a one-time code was not accepted or not sent, with the words to show the user.
public enum OneTimeCodeFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The code is not right; `remaining` tries are left.
    case wrong(remaining: Int)
    /// The code's time ran out.
    case expired
    /// Too many wrong tries.
    case locked
    /// No code is waiting (none was sent, or it was already used).
    case noCode
    /// What was typed is not a code of `digits` digits; it was not counted as a try.
    case malformed(digits: Int)
    /// Another code may be asked for only after `seconds` more seconds.
    case tooSoon(seconds: Int)

    /// The message for the user.
    public var message: String {
        switch self {
        case .wrong(let remaining):
            return "the code is not right; \(remaining) attempt\(remaining == 1 ? "" : "s") left"
        case .expired: return "the code has expired; ask for a new one"
        case .locked: return "too many wrong codes; ask for a new code"
        case .noCode: return "there is no code waiting; ask for a new one"
        case .malformed(let digits): return "the code has \(digits) digits; type just the digits"
        case .tooSoon(let seconds): return "wait \(seconds) s before asking for another code"
        }
    }

    public var description: String { message }
}
