import ArgumentParser

/// The sign-in options `run` and `serve` share: Google ID tokens and an external password checker.
struct SignInOptions: ParsableArguments {
    @Option(name: .customLong("google-client-id"), help: ArgumentHelp(
        "The OAuth client id Google ID tokens must be issued for (env FORMRUNNER_GOOGLE_CLIENT_ID).", valueName: "id"))
    var googleClientID: String?
    @Option(name: .customLong("google-keys"), help: ArgumentHelp(
        "A JSON Web Key Set file with Google's signing keys (env FORMRUNNER_GOOGLE_KEYS).", valueName: "file"))
    var googleKeys: String?
    @Option(name: .customLong("auth-plugin"), help: ArgumentHelp(
        "Check e-mail and password sign-ins with the plugin formrunner-auth-NAME on PATH (env FORMRUNNER_AUTH_PLUGIN).",
        valueName: "name"))
    var authPlugin: String?
}
