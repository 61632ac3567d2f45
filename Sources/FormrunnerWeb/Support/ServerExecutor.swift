import Dispatch
import NIOCore
import NIOPosix

/// Where `serve` runs its work.
///
/// Every request arrives on one of NIO's event loops; by default its handler then hops to Swift's
/// global executor and back (a futex wake-up and an `eventfd` write a request). ``installEventLoops()``
/// makes the event loops the process's global executor (what Vapor's template does), so a page is
/// read, rendered and written on the thread that owns its connection. Work that would hold a loop
/// for long, such as reading a large upload, runs on ``blocking`` instead.
public enum ServerExecutor {
    /// Makes NIO's event loops the global executor. Call once, first thing in `serve`, before the
    /// server starts; false when it could not be installed (the default executor stays).
    @discardableResult
    public static func installEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// An executor of its own for work that reads or writes files a chunk at a time (uploads):
    /// a concurrent Dispatch queue, so the event loops keep serving other connections meanwhile.
    static let blocking = DispatchTaskExecutor(label: "formrunner.uploads")
}

/// A task executor that runs jobs on a concurrent Dispatch queue.
final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated, attributes: .concurrent)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
