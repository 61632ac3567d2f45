import Foundation
import FormrunnerCore
import Rainbow

/// Where commands write: results to standard output, problems to standard error.
enum Output {
    /// Whether colour is wanted on standard error: a terminal, and `NO_COLOR` unset.
    static var colorOnStandardError: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Writes `text` to standard output with control characters neutralised.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.terminalSafe.utf8))
    }

    /// Writes `text` to standard error; callers pass text that is already safe or their own.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Diagnostics rendered with excerpts and carets, in colour where wanted.
    static func report(_ diagnostics: [Diagnostic], sources: [String: String]) {
        let renderer = DiagnosticRenderer(sources: sources)
        for diagnostic in diagnostics {
            var text = renderer.render(diagnostic)
            if colorOnStandardError {
                text = text.replacingOccurrences(of: ": error: ", with: ": " + "error:".red.bold + " ")
                    .replacingOccurrences(of: ": warning: ", with: ": " + "warning:".yellow.bold + " ")
            }
            printError(text)
        }
    }

    /// Encodes `value` as pretty, key-sorted JSON followed by a newline.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
