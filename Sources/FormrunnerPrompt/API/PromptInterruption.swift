/// Why a question was left without an answer.
///
/// The caller decides what follows: typically it saves a draft and exits with status 130 after
/// ``cancelled``, and saves a draft and stops after ``endOfInput``.
public enum PromptInterruption: Error, Sendable, Hashable {
    /// The person pressed Ctrl-C (or the process received SIGINT while asking).
    case cancelled
    /// The input ended (a closed pipe, Ctrl-D on an empty line, a hung-up terminal).
    case endOfInput
}
