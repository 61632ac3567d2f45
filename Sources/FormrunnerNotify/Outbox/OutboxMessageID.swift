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
        return text(high: high, low: low)
    }

    /// `high` and `low` as the 36 characters of a UUID: 32 lower-case hexadecimal digits in groups of
    /// 8, 4, 4, 4 and 12, written into the string's storage directly (building it from `String(_:radix:)`
    /// pieces was a twentieth of a tick's CPU).
    static func text(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            func put(_ value: UInt64, nibbles: ClosedRange<Int>) {
                for nibble in nibbles.reversed() {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        buffer[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    buffer[index] = digits.utf8Start[Int((value >> UInt64(nibble * 4)) & 0xF)]
                    index += 1
                }
            }
            put(high, nibbles: 0...15)
            put(low, nibbles: 0...15)
            return index
        }
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
