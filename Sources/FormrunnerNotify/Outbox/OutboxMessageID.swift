import Foundation

/// Ids for outbox messages that grow with time: UUID version 7 text (RFC 9562), lower case — the
/// milliseconds since 1970, a counter that keeps ids made in the same millisecond in order, then 62
/// random bits.
///
/// The outbox is keyed by id: a random UUID lands each new message on a random page of that index,
/// so a tick writing thousands of e-mails in one transaction dirtied a page of it per message (631
/// pages written for 500 messages into an outbox of 200,000, against 101 for ids in order). Ids in
/// order are appended at the end of the index instead.
enum OutboxMessageID {
    private static let state = Counter()

    /// A new id, after every id this process made before.
    static func next(at now: Date = Date()) -> String {
        let (milliseconds, sequence) = state.next(milliseconds: UInt64(max(0, (now.timeIntervalSince1970 * 1000).rounded(.down))))
        var random = SystemRandomNumberGenerator()
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | UInt64(sequence & 0x0FFF)
        let low = 0x8000_0000_0000_0000 | (random.next() & 0x3FFF_FFFF_FFFF_FFFF)
        let hex = hexadecimal(high, digits: 16) + hexadecimal(low, digits: 16)
        let digits = Array(hex)
        return String(digits[0..<8]) + "-" + String(digits[8..<12]) + "-" + String(digits[12..<16]) + "-"
            + String(digits[16..<20]) + "-" + String(digits[20..<32])
    }

    private static func hexadecimal(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The last (millisecond, sequence) handed out: a clock that stands still or goes back keeps
    /// counting from there, and a full sequence moves on to the next millisecond.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var milliseconds: UInt64 = 0
        private var sequence: UInt16 = 0

        func next(milliseconds now: UInt64) -> (UInt64, UInt16) {
            lock.lock()
            defer { lock.unlock() }
            if now > milliseconds {
                milliseconds = now
                sequence = 0
            } else if sequence < 0x0FFF {
                sequence += 1
            } else {
                milliseconds += 1
                sequence = 0
            }
            return (milliseconds, sequence)
        }
    }
}
