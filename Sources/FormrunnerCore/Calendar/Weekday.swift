import Foundation

/// A day of the week, numbered the ISO 8601 way: Monday is 1, Sunday is 7.
public enum Weekday: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Looks a weekday up by its lower-case English name (`"monday"` … `"sunday"`);
    /// returns `nil` for anything else, including other spellings or capitalisations.
    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.name == name }) else { return nil }
        self = day
    }

    /// The lower-case English name, as written in definition files: `"monday"` … `"sunday"`.
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// The same as ``name``.
    public var description: String { name }

    /// The weekday of a day number counted from 1970-01-01 (a Thursday), in either direction.
    init(dayNumber: Int64) {
        // Day 0 is a Thursday: index 3 when Monday is 0.
        let index = Int(floorMod(dayNumber + 3, 7))
        self = Weekday(rawValue: index + 1) ?? .monday
    }
}
