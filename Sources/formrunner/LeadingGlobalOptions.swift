import ArgumentParser

/// The global options (`--catalog`, `--store`, `--now`, `--notifier`, `--desk-address`) written
/// before the subcommand, as in `formrunner --catalog /srv/desk mail ingest -` (a mail server's pipe
/// line reads that way): they are moved after the subcommand's name, where every command takes them.
enum LeadingGlobalOptions {
    /// The options every command takes through ``GlobalOptions``; each has a value.
    static let names: Set<String> = ["--catalog", "--store", "--now", "--notifier", "--desk-address"]

    /// `arguments` (without the program's name) with the global options that lead them moved after
    /// the subcommand path of `root` they are followed by; anything else is left as it is.
    static func reordered(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var index = 0
        var leading: [String] = []
        while index < arguments.count {
            let argument = arguments[index]
            if names.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if let equals = argument.firstIndex(of: "="), names.contains(String(argument[..<equals])) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var path: [String] = []
        var command = root
        while index < arguments.count,
              let subcommand = command.configuration.subcommands.first(where: { $0.configuration.commandName == arguments[index] }) {
            path.append(arguments[index])
            command = subcommand
            index += 1
        }
        return path + leading + arguments[index...]
    }
}
