import Foundation

/// Instants as definition tests write them: ISO 8601 with an explicit offset, seconds optional
/// (`2026-03-02T10:00-03:00`, `2026-03-02T13:00:00Z`), and as the runner prints them, in a calendar's
/// time zone.
public enum TestInstant {
    /// The instant `text` names, or `nil` when it is not `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`.
    public static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[start..<start + length] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < scalars.count && scalars[index] == character.asciiValue
        }
        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
              let day = number(8, 2), byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"),
              let minute = number(14, 2) else { return nil }
        var index = 16
        var second = 0
        if byte(index, is: ":") {
            guard let value = number(17, 2) else { return nil }
            second = value
            index = 19
        }
        let offset: Int
        if byte(index, is: "Z"), index + 1 == scalars.count {
            offset = 0
        } else if byte(index, is: "+") || byte(index, is: "-"), index + 6 == scalars.count,
                  let hours = number(index + 1, 2), byte(index + 3, is: ":"), let minutes = number(index + 4, 2),
                  hours <= 14, minutes < 60 {
            offset = (byte(index, is: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60,
              let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // A day the month does not have (30 February) would roll over into the next month.
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day,
              calendar.component(.month, from: date) == month else { return nil }
        return date
    }

    /// `date` in `zone` as tests write it: `2026-03-05T10:00-03:00` (seconds only when not zero).
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let seconds = (parts.second ?? 0) == 0 ? "" : ":" + two(parts.second)
        let offset = zone.secondsFromGMT(for: date)
        let zoneText = offset == 0 ? "Z"
            : (offset < 0 ? "-" : "+") + two(abs(offset) / 3600) + ":" + two(abs(offset) % 3600 / 60)
        return String(format: "%04d", parts.year ?? 0) + "-" + two(parts.month) + "-" + two(parts.day) + "T"
            + two(parts.hour) + ":" + two(parts.minute) + seconds + zoneText
    }
}
