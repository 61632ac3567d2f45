#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one attempt to read a byte gave.
enum ByteRead: Equatable {
    case byte(UInt8)
    /// Nothing arrived in the time allowed.
    case timedOut
    /// The input ended.
    case end
    /// SIGINT arrived while waiting.
    case interrupted
}

/// Bytes from a file descriptor, read in chunks, with waits that notice SIGINT.
struct ByteSource {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var index = 0
    private var ended = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether bytes already read are waiting.
    var hasBuffered: Bool { index < buffer.count }

    /// The next byte; waits at most `milliseconds` when given, forever otherwise.
    mutating func next(waitingAtMost milliseconds: Int? = nil) -> ByteRead {
        if index < buffer.count {
            defer { index += 1 }
            return .byte(buffer[index])
        }
        if ended { return .end }
        var waited = 0
        while true {
            if SignalTrap.takeInterrupt() { return .interrupted }
            let slice = milliseconds.map { min(100, $0 - waited) } ?? 100
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(slice))
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                return .end
            }
            if ready == 0 {
                waited += slice
                if let milliseconds, waited >= milliseconds { return .timedOut }
                continue
            }
            return fill()
        }
    }

    private mutating func fill() -> ByteRead {
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR {
                if SignalTrap.takeInterrupt() { return .interrupted }
                continue
            }
            guard count > 0 else {
                ended = true
                return .end
            }
            buffer = Array(chunk[0..<count])
            index = 1
            return .byte(buffer[0])
        }
    }
}
