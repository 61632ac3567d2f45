import Foundation

/// One phase of a benchmark whose phases run interleaved by blocks: the time of each operation, and
/// the wall and CPU time summed over the phase's blocks only, so that a stall of the disk or of
/// another process lands on whichever block was running, not on a whole phase.
struct PhaseClock {
    private(set) var samples: [Duration] = []
    private(set) var wall = Duration.zero
    private(set) var cpu = Duration.zero

    /// A phase with room for `operations` samples, so that none is stored by growing the array.
    init(reserving operations: Int = 0) {
        samples.reserveCapacity(operations)
    }

    /// Runs `operation` for each index of `block`, each timed alone, and adds the block's wall and
    /// process CPU time (all threads) to the phase's.
    mutating func time(_ block: Range<Int>, _ operation: (Int) async throws -> Void) async rethrows {
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = Measurement.processCPU()
        for index in block {
            let began = clock.now
            try await operation(index)
            samples.append(began.duration(to: clock.now))
        }
        cpu += Measurement.processCPU() - cpuStart
        wall += start.duration(to: clock.now)
    }

    /// The phase as a report row.
    func measurement(_ name: String) -> Measurement {
        var measured = Measurement(name: name, operations: samples.count, total: wall, samples: samples)
        measured.cpu = cpu
        return measured
    }
}
