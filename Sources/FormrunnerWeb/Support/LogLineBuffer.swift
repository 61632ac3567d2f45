import Dispatch
import Foundation

/// Log lines for one file descriptor, written in batches instead of one `write(2)` a line.
///
/// What web servers do with their access logs (nginx's `access_log … buffer= flush=`): lines are
/// kept in memory and written together once ``flushBytes`` are waiting, at least once
/// every ``interval`` (a timer), at once for a line marked urgent (warnings and errors, with
/// every line before them), and by ``flush()`` when the server stops. Lines keep their order and
/// are never cut, whatever thread logs them. A process killed outright loses at most the last
/// interval's lines.
public final class LogLineBuffer: @unchecked Sendable {
    /// How many bytes may wait before they are written.
    public static let flushBytes = 16 * 1024

    /// The longest a line waits when no other rule writes it sooner.
    public let interval: Duration
    private let descriptor: Int32
    private let lock = NSLock()
    private var pending: [UInt8] = []
    private let timer: any DispatchSourceTimer

    /// A buffer writing to `descriptor` (standard error by default) at least once every `interval`.
    public init(descriptor: Int32 = STDERR_FILENO, interval: Duration = .seconds(1)) {
        self.descriptor = descriptor
        self.interval = interval
        pending.reserveCapacity(Self.flushBytes + 512)
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let nanoseconds = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit {
        timer.cancel()
        flush()
    }

    /// Adds one whole line (with its newline); writes everything waiting when `urgent` or when
    /// ``flushBytes`` are waiting.
    public func append(_ line: inout String, urgent: Bool) {
        line.withUTF8 { append($0, urgent: urgent) }
    }

    /// Adds one whole line (with its newline) given as its UTF-8 bytes; see ``append(_:urgent:)-(String,_)``.
    public func append(_ line: UnsafeBufferPointer<UInt8>, urgent: Bool) {
        lock.lock()
        defer { lock.unlock() }
        pending.append(contentsOf: line)
        if urgent || pending.count >= Self.flushBytes { writePending() }
    }

    /// Writes every line waiting.
    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        writePending()
    }

    /// Called with the lock held.
    private func writePending() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { LogLineBuffer.writeAll($0, to: descriptor) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to `descriptor`, again after an interruption; gives up on an error
    /// (a log that cannot be written must not stop the server).
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written > 0 { offset += written } else if written < 0, errno == EINTR { continue } else { return }
        }
    }
}
