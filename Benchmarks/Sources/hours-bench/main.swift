import Foundation
import FormrunnerCore

// hours-bench INSTANTS RESULTS [--catalog DIR] [--calendar ID] [--seconds S | --passes N]
//
// Reads lines `EPOCH_SECONDS HOURS` from INSTANTS, adds HOURS working hours to each instant with
// the catalog's business calendar (`BusinessCalendar.adding(workingSeconds:to:)`), writes one
// result (epoch seconds) a line to RESULTS, and prints how many additions a second it made.
// The list is walked again and again until S seconds (default 2) have passed, so that the rate
// does not rest on a few milliseconds; loading the catalog and the files is not timed. With
// --passes N it walks the list exactly N times instead (for instruction counts under callgrind).

struct HoursOptions {
    var instants = ""
    var results = ""
    var catalog = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    var calendar = "brazil-support"
    var seconds = 2.0
    var passes: Int?

    init(_ arguments: [String]) throws {
        var positional: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else { positional.append(argument); continue }
            guard let value = rest.popFirst() else { throw HoursFailure("\(argument) needs a value") }
            switch argument {
            case "--catalog": catalog = value
            case "--calendar": calendar = value
            case "--seconds":
                guard let number = Double(value), number > 0 else { throw HoursFailure("--seconds takes a positive number") }
                seconds = number
            case "--passes":
                guard let number = Int(value), number > 0 else { throw HoursFailure("--passes takes a positive count") }
                passes = number
            default: throw HoursFailure("unknown option '\(argument)'")
            }
        }
        guard positional.count == 2 else { throw HoursFailure("usage: hours-bench INSTANTS RESULTS [--catalog DIR] [--calendar ID] [--seconds S | --passes N]") }
        instants = positional[0]
        results = positional[1]
    }
}

struct HoursFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads `EPOCH_SECONDS HOURS` lines.
func readInstants(_ path: String) throws -> [(date: Date, seconds: Int64)] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
        let parts = line.split(separator: " ")
        guard parts.count == 2, let epoch = Double(parts[0]), let hours = Int64(parts[1]) else {
            throw HoursFailure("\(path): '\(line)' is not 'EPOCH_SECONDS HOURS'")
        }
        return (Date(timeIntervalSince1970: epoch), hours * 3600)
    }
}

do {
    let options = try HoursOptions(Array(CommandLine.arguments.dropFirst()))
    let loaded = CatalogLoader(root: options.catalog).load()
    guard loaded.isValid, let calendar = loaded.catalog.calendars[options.calendar]?.calendar else {
        throw HoursFailure("no valid calendar '\(options.calendar)' in the catalog at \(options.catalog)")
    }
    let inputs = try readInstants(options.instants)
    guard !inputs.isEmpty else { throw HoursFailure("\(options.instants) holds no instants") }

    var results = [Double](repeating: 0, count: inputs.count)
    let clock = ContinuousClock()
    let start = clock.now
    var passes = 0
    repeat {
        for (index, input) in inputs.enumerated() {
            guard let sum = calendar.adding(workingSeconds: input.seconds, to: input.date) else {
                throw HoursFailure("no result for \(input.date.timeIntervalSince1970) + \(input.seconds) s")
            }
            results[index] = sum.timeIntervalSince1970
        }
        passes += 1
    } while options.passes.map({ passes < $0 }) ?? (clock.now - start < .seconds(options.seconds))
    let elapsed = (clock.now - start).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    let additions = passes * inputs.count

    try results.map { String(Int64($0)) }.joined(separator: "\n").appending("\n")
        .write(toFile: options.results, atomically: true, encoding: .utf8)
    print(String(format: "swift: %d additions (%d passes over %d instants) in %.3f s: %.0f additions/s",
                 additions, passes, inputs.count, seconds, Double(additions) / seconds))
} catch {
    FileHandle.standardError.write(Data("hours-bench: \(error)\n".utf8))
    exit(1)
}
