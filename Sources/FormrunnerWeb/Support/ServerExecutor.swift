import CGlobalExecutorHook
import Dispatch
import NIOCore
import NIOPosix

/// Where `serve` runs its work.
///
/// Every request arrives on one of NIO's event loops; by default its handler then hops to Swift's
/// global executor and back (a futex wake-up and an `eventfd` write a request). ``installEventLoops()``
/// makes the event loops the process's global executor (what Vapor's template does), so a page is
/// read, rendered and written on the thread that owns its connection; `serve` does it only when
/// asked (`FORMRUNNER_EXECUTOR=event-loops`), as it measured slower on an idle machine. Work that
/// would hold a loop for long, such as reading a large upload, runs on ``blocking`` instead.
public enum ServerExecutor {
    /// Makes NIO's event loops the global executor. Call once, first thing in `serve`, before the
    /// server starts; false when it could not be installed (the default executor stays).
    ///
    /// This is what `NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()`
    /// does, except that NIO looks the runtime's hook up with `dlsym`, which finds nothing in a
    /// release `formrunner` (the Swift runtime linked statically, its symbols hidden): there the
    /// portal silently ran on Swift's own pool, a thread hop each way a request. The hook's address
    /// is taken by the linker instead (`CGlobalExecutorHook`), so debug and release builds run alike.
    @discardableResult
    public static func installEventLoops() -> Bool {
        let hook = formrunner_swift_task_enqueueGlobal_hook_address()
        guard hook.pointee == nil else { return false }
        let enqueue: EnqueueGlobalHook = { job, _ in
            // `any()` is the loop of the calling thread when it is one of the group's: no hop.
            MultiThreadedEventLoopGroup.singleton.any().enqueue(ExecutorJob(job))
        }
        hook.pointee = unsafeBitCast(enqueue, to: UnsafeMutableRawPointer.self)
        return true
    }

    /// The runtime's `swift_task_enqueueGlobal_hook`: the job, and the default enqueue it replaces.
    private typealias EnqueueGlobalHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

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
