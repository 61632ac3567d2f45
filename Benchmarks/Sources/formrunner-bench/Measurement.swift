import Foundation

/// What one benchmark row measured: how many operations, how long they took in all and, when each
/// was timed alone, the time of each.
struct Measurement: Sendable {
    var name: String
    var operations: Int
    var total: Duration
    /// One duration per operation; empty when only the whole was timed.
    var samples: [Duration] = []
    /// Anything worth saying next to the figures (result sizes, a ratio).
    var note = ""
    /// The process's CPU time (user + system, every thread) over the run, when ``timing(_:count:_:)``
    /// timed it: on a shared machine it moves far less with other work than the wall time does.
    var cpu: Duration?

    var operationsPerSecond: Double { Double(operations) / total.seconds }
    var mean: Duration { total / max(operations, 1) }

    /// The `fraction` quantile of the samples (nearest rank), if each operation was timed.
    func percentile(_ fraction: Double) -> Duration? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// Times `operation` `count` times, each alone, and the whole run.
    static func timing(_ name: String, count: Int, _ operation: (Int) async throws -> Void) async rethrows -> Measurement {
        // One block: the whole run is the phase.
        var phase = PhaseClock(reserving: count)
        try await phase.time(0..<count, operation)
        return phase.measurement(name)
    }

    /// The CPU time this process has used so far, all threads (`CLOCK_PROCESS_CPUTIME_ID`).
    static func processCPU() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    /// The CPU time an operation took on average, when measured.
    var cpuPerOperation: Duration? { cpu.map { $0 / max(operations, 1) } }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// `12.3 µs`, `4.56 ms`, `7.89 s`.
    var formatted: String {
        let value = seconds
        if value < 1e-3 { return String(format: "%.1f µs", value * 1e6) }
        if value < 1 { return String(format: "%.2f ms", value * 1e3) }
        return String(format: "%.2f s", value)
    }
}
