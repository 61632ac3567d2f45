import ArgumentParser
import Foundation
import FormrunnerCore

/// A length of time given on the command line: `500ms`, `5s`, `2m`, `1h`, or plain seconds.
struct DurationOption: ExpressibleByArgument, Hashable {
    /// The length in seconds.
    var seconds: TimeInterval

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    /// Reads `argument` with ``DurationText``, the one duration grammar.
    init?(argument: String) {
        guard let seconds = DurationText.seconds(argument) else { return nil }
        self.seconds = seconds
    }

    var defaultValueDescription: String {
        seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60))m" : "\(seconds.formatted())s"
    }
}
