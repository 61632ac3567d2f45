import ArgumentParser
import Foundation

/// A length of time given on the command line: `500ms`, `5s`, `2m`, `1h`, or plain seconds.
struct DurationOption: ExpressibleByArgument, Hashable {
    /// The length in seconds.
    var seconds: TimeInterval

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, factor: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("", 1)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let value = Double(text.dropLast(unit.suffix.count)), value.isFinite, value > 0 else { continue }
            self.seconds = value * unit.factor
            return
        }
        return nil
    }

    var defaultValueDescription: String {
        seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60))m" : "\(seconds.formatted())s"
    }
}
