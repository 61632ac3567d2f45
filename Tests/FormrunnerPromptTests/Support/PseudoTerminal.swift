import Foundation
import FormrunnerPrompt
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair: a ``TerminalPrompter`` runs on the slave side in a thread of its own,
/// while the test types key bytes on the master side and reads what was drawn.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var stopped = false
    private let readerDone = DispatchSemaphore(value: 0)

    init(columns: UInt16 = 100, rows: UInt16 = 30) {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { fatalError("openpty failed: \(errno)") }
        self.master = master
        self.slave = slave
        Thread.detachNewThread { [self] in drain() }
    }

    /// Everything drawn so far, escape sequences included.
    var raw: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    /// Everything drawn so far, without escape sequences.
    var text: String { raw.withoutEscapes }

    /// Types `keys` on the terminal.
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the drawn text (without escapes) has `needle` at least `count` times.
    @discardableResult
    func waitFor(_ needle: String, count: Int = 1, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            usleep(10_000)
        }
        return false
    }

    /// Waits until the last frame drawn satisfies `condition`.
    @discardableResult
    func waitForFrame(timeout: TimeInterval = 5, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(raw.lastFrame) { return true }
            usleep(10_000)
        }
        return false
    }

    /// Runs `body` with a prompter on the slave side, in a thread of its own.
    func run<T: Sendable>(_ body: @escaping @Sendable (TerminalPrompter) throws(PromptInterruption) -> T) -> Outcome<T> {
        let outcome = Outcome<T>()
        let slave = slave
        Thread.detachNewThread {
            let prompter = TerminalPrompter(input: slave, output: slave)
            do throws(PromptInterruption) {
                outcome.set(.success(try body(prompter)))
            } catch {
                outcome.set(.failure(error))
            }
        }
        return outcome
    }

    /// The slave side's local mode flags (ICANON, ECHO, ISIG…).
    var localFlags: tcflag_t {
        var mode = termios()
        tcgetattr(slave, &mode)
        return mode.c_lflag
    }

    /// Stops reading and closes both sides.
    func close() {
        lock.lock()
        stopped = true
        lock.unlock()
        readerDone.wait()
        Glibc.close(slave)
        Glibc.close(master)
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            if done { break }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            lock.lock()
            received += buffer[0..<count]
            lock.unlock()
        }
        readerDone.signal()
    }

    /// The result of a prompter run, once it is there.
    final class Outcome<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<T, PromptInterruption>?
        private let ready = DispatchSemaphore(value: 0)

        func set(_ result: Result<T, PromptInterruption>) {
            lock.lock()
            value = result
            lock.unlock()
            ready.signal()
        }

        /// Waits for the result; nil on time-out.
        func wait(timeout: TimeInterval = 5) -> Result<T, PromptInterruption>? {
            guard ready.wait(timeout: .now() + timeout) == .success else { return nil }
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
