import Foundation

/// The one way formrunner reads a length of time, wherever it is written: on the command line
/// (`--poll 5s`), in the environment (`FORMRUNNER_PLUGIN_TIMEOUT=2m`) and in `formrunner.yaml`
/// (`timeout: 30s`).
///
/// The grammar: a positive decimal number without sign or exponent (`5`, `2.5`, `0.5`; no leading
/// zero such as `05`), then an optional unit: `ms`, `s`, `m` or `h` (any case). A number without a
/// unit is seconds. Blanks around the text are ignored; blanks inside (`5 s`) are not allowed.
///
/// ```swift
/// DurationText.seconds("500ms")  // 0.5
/// DurationText.seconds("2m")     // 120
/// DurationText.seconds("2.5")    // 2.5
/// DurationText.seconds("soon")   // nil
/// ```
///
/// Each place that reads a duration keeps its own message for text this refuses.
public enum DurationText {
    /// The units, longest suffix first, with their length in seconds.
    private static let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]

    /// The length `text` names, in seconds, or `nil` when it is not a positive duration.
    public static func seconds(_ text: String) -> TimeInterval? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = Substring(text), factor = 1.0
        if let unit = units.first(where: { text.hasSuffix($0.suffix) }) {
            number = number.dropLast(unit.suffix.count)
            factor = unit.seconds
        }
        guard isPlainDecimal(number), let value = Double(number), value > 0 else { return nil }
        let seconds = value * factor
        return seconds.isFinite ? seconds : nil
    }

    /// Digits with at most one inner `.`, and no leading zero before further digits (`0.5` is fine, `05` is not).
    private static func isPlainDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return !(parts[0].count > 1 && parts[0].hasPrefix("0"))
    }
}
