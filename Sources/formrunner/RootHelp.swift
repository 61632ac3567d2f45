import ArgumentParser

/// `formrunner --help` (or `-h`, or `help`) and nothing else: the root help screen, printed by
/// ArgumentParser's own help generator without running its parser first.
///
/// Parsing, even of a lone `--help`, makes ArgumentParser reflect over its built-in
/// `--generate-completion-script` commands and check every argument type's protocol conformances:
/// on Linux each first check scans the conformance records of the whole binary and its libraries
/// (about 280,000 instructions each, 12 M in all; see Benchmarks/README.md, cold start). The help
/// screen needs none of it; its text is the one the parser would print (`RootHelpTests`).
enum RootHelp {
    /// The arguments (without the program's name) that ask for the root help screen alone.
    static let requests: [[String]] = [["--help"], ["-h"], ["help"]]

    /// The root help screen when `arguments` ask for it and nothing else, otherwise `nil` (the
    /// parser then handles them, help for a subcommand included).
    static func text(for arguments: [String]) -> String? {
        guard requests.contains(arguments) else { return nil }
        return Formrunner.helpMessage()
    }
}
