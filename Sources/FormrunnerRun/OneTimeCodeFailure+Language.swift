import FormrunnerCore
import FormrunnerPrompt

extension OneTimeCodeFailure {
    /// ``message`` in `language` (`en`, `pt`, `es`), for the requester who typed the code.
    func message(in language: String) -> String {
        switch self {
        case .wrong(let remaining):
            return remaining == 1 ? RequesterText.codeWrongOne.text(language) : RequesterText.codeWrongMany.text(language, String(remaining))
        case .expired: return RequesterText.codeExpired.text(language)
        case .locked: return RequesterText.codeLocked.text(language)
        case .noCode: return RequesterText.codeNone.text(language)
        case .malformed(let digits): return RequesterText.codeMalformed.text(language, String(digits))
        case .tooSoon(let seconds): return RequesterText.codeTooSoon.text(language, String(seconds))
        }
    }
}
