#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Moves bytes between formrunner and a running program: feeds its standard input and drains its
/// standard output and standard error, all non-blocking, with `poll(2)`.
///
/// Output beyond a limit is read and dropped, so a program that prints without end never blocks on
/// a full pipe and never fills formrunner's memory.
struct ProcessPumps {
    private var input: Data
    private var written = 0
    private var stdin: Int32
    private var stdout: Int32
    private var stderr: Int32
    private let outputLimit: Int
    private let errorLimit: Int
    private(set) var output = Data()
    private(set) var error = Data()

    init(input: Data, stdin: Int32, stdout: Int32, stderr: Int32, outputLimit: Int, errorLimit: Int) {
        self.input = input
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.outputLimit = outputLimit
        self.errorLimit = errorLimit
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty { closeInput() }
    }

    /// Whether both outputs have reached their end (the input is closed by then too, or abandoned).
    var isDone: Bool { stdout < 0 && stderr < 0 }

    /// Waits up to `seconds` for any stream to be ready, then moves what it can.
    mutating func pump(waitingAtMost seconds: TimeInterval) {
        var fds: [pollfd] = []
        if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
        if stdout >= 0 { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
        if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
        if fds.isEmpty {
            usleep(UInt32(max(1_000, seconds * 1_000_000)))
            return
        }
        let ready = poll(&fds, nfds_t(fds.count), Int32(max(1, seconds * 1000)))
        guard ready > 0 else { return }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdin { writeInput(hangUp: entry.revents & Int16(POLLERR | POLLHUP) != 0) }
            if entry.fd == stdout { Self.drain(&stdout, into: &output, limit: outputLimit) }
            if entry.fd == stderr { Self.drain(&stderr, into: &error, limit: errorLimit) }
        }
    }

    /// Closes every stream still open.
    mutating func closeAll() {
        closeInput()
        for fd in [stdout, stderr] where fd >= 0 { close(fd) }
        stdout = -1
        stderr = -1
    }

    private mutating func writeInput(hangUp: Bool) {
        guard !hangUp else {
            // The program closed its standard input: it does not want the rest.
            closeInput()
            return
        }
        let count = input.count - written
        let (fd, offset) = (stdin, written)
        let result = input.withUnsafeBytes { buffer in
            write(fd, buffer.baseAddress!.advanced(by: offset), count)
        }
        if result > 0 { written += result }
        if result < 0 && errno != EAGAIN && errno != EINTR { closeInput() }
        if written >= input.count { closeInput() }
    }

    private mutating func closeInput() {
        if stdin >= 0 { close(stdin) }
        stdin = -1
    }

    private static func drain(_ fd: inout Int32, into data: inout Data, limit: Int) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count > 0 {
                let room = max(0, limit - data.count)
                data.append(contentsOf: buffer.prefix(min(room, count)))
                continue
            }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
            close(fd)
            fd = -1
            return
        }
    }
}
