import Foundation
@testable import FormrunnerCore

/// Parses an ISO 8601 instant such as `2026-03-06T17:00:00-03:00`.
func instant(_ text: String) -> Date {
    guard let date = try? Date(text, strategy: .iso8601) else { fatalError("bad ISO 8601 instant \(text)") }
    return date
}

/// `YYYY-MM-DD`.
func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(iso: text) else { fatalError("bad date \(text)") }
    return date
}

/// `HH:MM-HH:MM`.
func hours(_ text: String) -> WorkingInterval {
    guard let interval = WorkingInterval(parsing: text) else { fatalError("bad interval \(text)") }
    return interval
}

/// The same intervals Monday to Friday.
func weekdays(_ intervals: [WorkingInterval]) -> [Weekday: [WorkingInterval]] {
    Dictionary(uniqueKeysWithValues: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].map { ($0, intervals) })
}

/// The same intervals every day.
func everyDay(_ intervals: [WorkingInterval]) -> [Weekday: [WorkingInterval]] {
    Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, intervals) })
}

func zone(_ identifier: String) -> TimeZone {
    guard let zone = TimeZone(identifier: identifier) else { fatalError("unknown time zone \(identifier)") }
    return zone
}

let hour: Int64 = 3600

/// Brazilian national holidays, with Carnival Monday and Tuesday (pontos facultativos that
/// support desks usually keep closed).
let brazilHolidays: [HolidayRule] = [
    HolidayRule(kind: .annual(month: 1, day: 1), name: "Confraternização Universal"),
    HolidayRule(kind: .easter(offset: -48), name: "Carnaval (segunda-feira)"),
    HolidayRule(kind: .easter(offset: -47), name: "Carnaval (terça-feira)"),
    HolidayRule(kind: .easter(offset: -2), name: "Sexta-feira Santa"),
    HolidayRule(kind: .annual(month: 4, day: 21), name: "Tiradentes"),
    HolidayRule(kind: .annual(month: 5, day: 1), name: "Dia do Trabalho"),
    HolidayRule(kind: .easter(offset: 60), name: "Corpus Christi"),
    HolidayRule(kind: .annual(month: 9, day: 7), name: "Independência do Brasil"),
    HolidayRule(kind: .annual(month: 10, day: 12), name: "Nossa Senhora Aparecida"),
    HolidayRule(kind: .annual(month: 11, day: 2), name: "Finados"),
    HolidayRule(kind: .annual(month: 11, day: 15), name: "Proclamação da República"),
    HolidayRule(kind: .annual(month: 11, day: 20), name: "Dia Nacional de Zumbi e da Consciência Negra", fromYear: 2024),
    HolidayRule(kind: .annual(month: 12, day: 25), name: "Natal"),
]

/// America/Sao_Paulo, Monday to Friday 09:00–18:00, national holidays.
let brazil = BusinessCalendar(
    id: "brazil", timeZone: zone("America/Sao_Paulo"),
    weeklyHours: weekdays([hours("09:00-18:00")]), holidays: brazilHolidays)

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
