import ArgumentParser
import Foundation
import FormrunnerCore

/// `--lang en|pt|es`: the language a requester reads; without it, the environment's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`) when it names one of them.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: ArgumentHelp("The language of the catalog's texts: en, pt or es (default: LC_ALL, LC_MESSAGES or LANG when it names one of them, else English).",
                               valueName: "language"))
    var code: String?

    func validate() throws {
        if let code, !LocalizedText.supportedLanguages.contains(code) {
            throw ValidationError("unknown language '\(code)'; use en, pt or es")
        }
    }

    /// `--lang`, else the environment's language, else `nil` (nothing asked for).
    var requested: String? {
        code ?? RequesterLanguage.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// ``requested``, else English.
    var resolved: String { requested ?? "en" }
}
