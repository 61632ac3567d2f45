import ArgumentParser
import Foundation

/// `--user EMAIL` (env `FORMRUNNER_USER`): the person who fires an agent's or the system's event.
struct ActingUser: ParsableArguments {
    @Option(name: .customLong("user"), help: ArgumentHelp(
        "The agent (or admin) who acts, by e-mail (env FORMRUNNER_USER); required once the desk has agents.",
        valueName: "email"))
    var user: String?

    /// The flag, else FORMRUNNER_USER, else nobody.
    var email: String? {
        if let user { return user }
        let variable = ProcessInfo.processInfo.environment["FORMRUNNER_USER"]?.trimmingCharacters(in: .whitespaces)
        return variable?.isEmpty == false ? variable : nil
    }
}
