import Foundation
import Synchronization

/// Runs an opening function on several threads released at the same moment, as separate processes
/// starting together would (the test runner's task pool may have as few threads as there are cores).
enum ParallelOpeners {
    /// The values `open` returned on `count` threads, or the first error one of them threw.
    static func open<T: Sendable>(count: Int, _ open: @escaping @Sendable () throws -> T) throws -> [T] {
        let results = Mutex<[Result<T, any Error>]>([])
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                let result = Result { try open() }
                results.withLock { $0.append(result) }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return try results.withLock { $0 }.map { try $0.get() }
    }
}
