import Foundation
import FormrunnerWeb
import Logging
import Testing

/// The server's log lines are written in batches, in order, whole, and never held for long.
@Suite("Log line buffer: the access log a batch at a time")
struct LogLineBufferTests {
    /// A log file: `write` is the descriptor the buffer writes to, `available()` what was written
    /// since the last call (read on a second descriptor, so nothing ever waits for a reader).
    final class LogFile {
        let path = NSTemporaryDirectory() + "formrunner-log-" + UUID().uuidString
        let read: Int32
        let write: Int32

        init() throws {
            write = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
            read = open(path, O_RDONLY)
            guard write >= 0, read >= 0 else { throw POSIXError(.EIO) }
        }

        deinit {
            close(read)
            close(write)
            unlink(path)
        }

        func available() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { Foundation.read(read, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                bytes += chunk[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func append(_ text: String, to buffer: LogLineBuffer, urgent: Bool = false) {
        var line = text + "\n"
        buffer.append(&line, urgent: urgent)
    }

    @Test("lines wait for flush() and come out whole and in order")
    func waitForFlush() throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .seconds(3600))
        Self.append("one", to: buffer)
        Self.append("two", to: buffer)
        #expect(pipe.available() == "")
        buffer.flush()
        #expect(pipe.available() == "one\ntwo\n")
        buffer.flush()
        #expect(pipe.available() == "")
    }

    @Test("an urgent line is written at once, after the lines that came before it")
    func urgentLine() throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .seconds(3600))
        Self.append("request", to: buffer)
        Self.append("store unreachable", to: buffer, urgent: true)
        #expect(pipe.available() == "request\nstore unreachable\n")
    }

    @Test("a full batch is written without waiting")
    func fullBatch() throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .seconds(3600))
        let line = String(repeating: "x", count: 99)
        let lines = LogLineBuffer.flushBytes / 100 + 1  // the last one takes the batch past flushBytes
        for _ in 0..<(lines - 1) { Self.append(line, to: buffer) }
        #expect(pipe.available() == "")
        Self.append(line, to: buffer)
        #expect(pipe.available() == String(repeating: line + "\n", count: lines))
    }

    @Test("a waiting line is written by the timer, with no other line after it")
    func timerWrites() async throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .milliseconds(20))
        Self.append("idle server", to: buffer)
        var seen = ""
        for _ in 0..<1_000 where seen.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            seen = pipe.available()
        }
        #expect(seen == "idle server\n")
    }

    @Test("lines from many threads at once are each written whole")
    func manyThreads() throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .seconds(3600))
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<500 { Self.append("thread \(thread) line \(index) " + String(repeating: "y", count: 40), to: buffer) }
        }
        buffer.flush()
        let lines = pipe.available().split(separator: "\n")
        #expect(lines.count == 4_000)
        #expect(lines.allSatisfy { $0.hasSuffix(String(repeating: "y", count: 40)) && $0.hasPrefix("thread ") })
        for thread in 0..<8 {
            let own = lines.filter { $0.hasPrefix("thread \(thread) ") }.map { $0.split(separator: " ")[3] }
            #expect(own == (0..<500).map { Substring(String($0)) }, "thread \(thread)'s lines keep their order")
        }
    }

    @Test("through the log handler, an info line waits and a warning is written at once with it")
    func handlerLevels() throws {
        let pipe = try LogFile()
        let buffer = LogLineBuffer(descriptor: pipe.write, interval: .seconds(3600))
        let handler = LineLogHandler(label: "formrunner.web", buffer: buffer)
        func event(_ level: Logger.Level, _ message: Logger.Message) -> LogEvent {
            LogEvent(level: level, message: message, metadata: nil, source: "FormrunnerWeb", file: #fileID, function: #function, line: #line)
        }
        handler.log(event: event(.info, "request"))
        #expect(pipe.available() == "")
        handler.log(event: event(.warning, "slow store"))
        let lines = pipe.available().split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(" info formrunner.web: [FormrunnerWeb] request") == true, "\(lines)")
        #expect(lines.last?.hasSuffix(" warning formrunner.web: [FormrunnerWeb] slow store") == true, "\(lines)")
    }
}
