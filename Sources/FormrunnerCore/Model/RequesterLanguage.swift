/// The language a requester is spoken to in (`en`, `pt`, `es`), worked out from what they chose
/// or from their environment.
public enum RequesterLanguage {
    /// The language of a locale name or language tag (`pt_BR.UTF-8`, `pt-BR`, `es`), if it is one
    /// of ``LocalizedText/supportedLanguages``; `nil` for `C`, `POSIX` and every other language.
    public static func code(of locale: String) -> String? {
        let language = locale.prefix { $0.isLetter }.lowercased()
        return LocalizedText.supportedLanguages.contains(language) ? language : nil
    }

    /// The language the environment asks messages in: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set and not empty (the POSIX order), if it names a supported language.
    public static func fromEnvironment(_ environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return code(of: value) }
        }
        return nil
    }
}
