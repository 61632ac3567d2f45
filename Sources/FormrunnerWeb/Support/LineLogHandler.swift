import Foundation
import Logging

/// A swift-log handler for the server: one line per event on a file descriptor (standard error by
/// default), `2026-12-04T02:53:01+0000 info formrunner.web: method=GET path=/ status=200 [FormrunnerWeb] request`,
/// metadata sorted by key: the layout of swift-log's `StreamLogHandler` (in UTC) for a third of its
/// work. The timestamp is made once a second, and the line is built in one buffer and written with
/// one `write(2)` (lines from several threads never interleave), or handed to a ``LogLineBuffer``
/// that writes many lines at once.
public struct LineLogHandler: LogHandler {
    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: Output

    /// Where the lines go.
    private enum Output {
        /// Each written at once.
        case descriptor(Int32)
        /// Written a batch at a time.
        case buffer(LogLineBuffer)
    }

    /// A handler for the logger `label` writing each line to `descriptor` (standard error by default) at once.
    public init(label: String, descriptor: Int32 = STDERR_FILENO) {
        self.label = label
        output = .descriptor(descriptor)
    }

    /// A handler for the logger `label` whose lines go through `buffer`; warnings and errors are
    /// written at once, with the lines before them.
    public init(label: String, buffer: LogLineBuffer) {
        self.label = label
        output = .buffer(buffer)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // The event's own metadata alone (an access log line) needs no merged copy.
        var all = event.metadata ?? [:]
        if !metadata.isEmpty || metadataProvider != nil {
            all = metadata
            if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
            if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        }
        let pairs = all.sorted(by: { $0.key < $1.key }).map { key, value -> (String, String) in
            if case .string(let text) = value { return (key, text) }
            return (key, value.description)
        }
        write(level: event.level, sortedPairs: pairs, source: event.source, message: event.message.description)
    }

    /// Writes a line whose metadata is `sortedPairs` alone, already sorted by key, when this
    /// handler writes `level` and adds no metadata of its own; false (nothing written) otherwise,
    /// so the caller logs through its `Logger`. The server's access line takes this way: the same
    /// line without a dictionary made, merged and sorted for each request.
    public func writeDirectly(level: Logger.Level, sortedPairs: [(String, String)], source: String, message: String) -> Bool {
        guard level >= logLevel, metadata.isEmpty, metadataProvider == nil else { return false }
        write(level: level, sortedPairs: sortedPairs, source: source, message: message)
        return true
    }

    private func write(level: Logger.Level, sortedPairs: [(String, String)], source: String, message: String) {
        // Built as bytes: appending short strings to a `String` cost three times as much.
        var line: [UInt8] = []
        line.reserveCapacity(192)
        func add(_ text: String) { line.append(contentsOf: text.utf8) }
        add(Self.clock.stamp())
        line.append(UInt8(ascii: " "))
        add(level.rawValue)
        line.append(UInt8(ascii: " "))
        add(label)
        line.append(UInt8(ascii: ":"))
        for (key, value) in sortedPairs {
            line.append(UInt8(ascii: " "))
            add(key)
            line.append(UInt8(ascii: "="))
            add(value)
        }
        line.append(contentsOf: " [".utf8)
        add(source)
        line.append(contentsOf: "] ".utf8)
        add(message)
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBufferPointer { bytes in
            switch output {
            case .buffer(let buffer): buffer.append(bytes, urgent: level >= .warning)
            case .descriptor(let descriptor): LogLineBuffer.writeAll(bytes, to: descriptor)
            }
        }
    }

    private static let clock = SecondStamp()
}

/// The current UTC time to the second as ISO 8601 text, formatted once a second.
private final class SecondStamp: @unchecked Sendable {
    private let lock = NSLock()
    private var second = 0
    private var text = ""

    func stamp() -> String {
        var now = time(nil)
        lock.lock()
        defer { lock.unlock() }
        if now != second {
            var parts = tm()
            gmtime_r(&now, &parts)
            text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d+0000", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                          parts.tm_hour, parts.tm_min, parts.tm_sec)
            second = now
        }
        return text
    }
}
