import ArgumentParser

/// `formrunner --help` (or `-h`, or `help`) and nothing else: the root help screen, without
/// running ArgumentParser's parser or its help generator.
///
/// Parsing, even of a lone `--help`, and generating the help screen make ArgumentParser reflect
/// over the command tree (`Mirror`, `as?` casts of every argument and subcommand type): on Linux
/// each first protocol-conformance check scans the conformance records of the whole statically
/// linked binary, 8 M of the 18 M instructions `--help` cost (Benchmarks/README.md, cold start).
/// At the width the help is stored for (80 columns: a pipe, a file, an 80-column terminal) the
/// text is ``StoredRootHelp/text``, which `RootHelpTests` checks against ArgumentParser's own
/// rendering byte for byte; at any other width ArgumentParser renders it.
enum RootHelp {
    /// The arguments (without the program's name) that ask for the root help screen alone.
    static let requests: [[String]] = [["--help"], ["-h"], ["help"]]

    /// The root help screen when `arguments` ask for it and nothing else, otherwise `nil` (the
    /// parser then handles them, help for a subcommand included).
    /// `columns` is the width to wrap to, ``HelpScreenWidth/current()`` when `nil`.
    static func text(for arguments: [String], columns: Int? = nil) -> String? {
        guard requests.contains(arguments) else { return nil }
        let width = columns ?? HelpScreenWidth.current()
        if width == StoredRootHelp.columns { return StoredRootHelp.text }
        return Formrunner.helpMessage(columns: width)
    }
}
