import Foundation

/// Decodes `calendar` documents: a time zone, weekly working hours and holidays.
struct CalendarDecoder {
    let sink: DiagnosticSink
    let file: String

    static let calendarKeys = ["calendar", "title", "time_zone", "working_hours", "holidays"]
    static let holidayKeys = ["name", "date", "every", "easter", "from_year", "until_year"]

    var values: ValueReader { ValueReader(sink: sink) }

    func calendar(_ mapping: YAMLMapping) -> CalendarDefinition? {
        let reader = MappingReader(mapping, context: "calendar", keys: Self.calendarKeys, sink: sink)
        let id = reader.identifier("calendar")
        let title = reader.label("title", required: false)
        let zone = reader.scalar("time_zone").flatMap(timeZone)
        let problemsBefore = sink.diagnostics.count
        let hours = reader.required("working_hours").map(workingHours) ?? [:]
        let hoursHaveProblems = sink.diagnostics.count > problemsBefore
        let holidays = reader.optional("holidays").map(holidays) ?? []
        guard let id, let zone else { return nil }
        let calendar = BusinessCalendar(id: id.id, timeZone: zone, weeklyHours: hours, holidays: holidays)
        // Bad hours are reported where they are written; "no working time" would only repeat them.
        if reader.has("working_hours"), !hoursHaveProblems, !calendar.hasWorkingTime {
            sink.error(.noWorkingTime, "calendar '\(id.id)' has no working time, so no working-hours timer could ever fire",
                       at: reader.keyLocation("working_hours"))
        }
        return CalendarDefinition(title: title, calendar: calendar, location: mapping.location, file: file)
    }

    private func timeZone(_ scalar: YAMLScalar) -> TimeZone? {
        if scalar.value.contains("/") || scalar.value == "UTC", let zone = TimeZone(identifier: scalar.value) {
            return zone
        }
        let known = TimeZone.knownTimeZoneIdentifiers
        sink.error(.unknownTimeZone, "unknown time zone '\(scalar.value)'; use an IANA name such as America/Sao_Paulo"
                   + Suggestion.hint(for: scalar.value, in: known), at: scalar.location)
        return nil
    }

    private func workingHours(_ node: YAMLNode) -> [Weekday: [WorkingInterval]] {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a mapping from weekday to hours (monday: 09:00-18:00), found \(node.kindDescription)",
                       at: node.location)
            return [:]
        }
        var result: [Weekday: [WorkingInterval]] = [:]
        let names = Weekday.allCases.map(\.name)
        for entry in mapping.entries {
            guard let day = Weekday(name: entry.key.value) else {
                sink.error(.unknownKeyword, "unknown weekday '\(entry.key.value)'" + Suggestion.hintOrList(for: entry.key.value, in: names),
                           at: entry.key.location)
                continue
            }
            let intervals = values.list(entry.value, what: "the hours of \(day.name)") { item -> WorkingInterval? in
                guard let scalar = values.scalar(item, what: "the hours of \(day.name)") else { return nil }
                guard let interval = WorkingInterval(parsing: scalar.value) else {
                    sink.error(.workingHours, "expected hours as HH:MM-HH:MM with the start before the end (09:00-18:00), found '\(scalar.value)'",
                               at: scalar.location)
                    return nil
                }
                return interval
            }.sorted { $0.start < $1.start }
            for (earlier, later) in zip(intervals, intervals.dropFirst()) where later.start < earlier.end {
                sink.error(.workingHours, "the hours \(earlier) and \(later) of \(day.name) overlap", at: entry.value.location)
            }
            result[day] = intervals
        }
        return result
    }

    private func holidays(_ node: YAMLNode) -> [HolidayRule] {
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of holidays, found \(node.kindDescription)", at: node.location)
            return []
        }
        return sequence.items.compactMap(holiday)
    }

    private func holiday(_ node: YAMLNode) -> HolidayRule? {
        guard let reader = MappingReader(node, context: "holiday", keys: Self.holidayKeys, sink: sink) else { return nil }
        let name = reader.string("name")
        let written = ["date", "every", "easter"].filter(reader.has)
        guard written.count == 1 else {
            sink.error(.holiday, written.isEmpty ? "a holiday needs one of 'date', 'every' or 'easter'"
                                       : "a holiday has one of 'date', 'every' or 'easter', not \(written.map { "'\($0)'" }.joined(separator: " and "))",
                       at: reader.location)
            return nil
        }
        let from = reader.integer("from_year", required: false, range: 1583...9999)
        let until = reader.integer("until_year", required: false, range: 1583...9999)
        if let from, let until, from > until {
            sink.error(.minAboveMax, "'from_year' (\(from)) is after 'until_year' (\(until))", at: reader.keyLocation("from_year"))
        }
        guard let name, let kind = holidayKind(written[0], reader) else { return nil }
        return HolidayRule(kind: kind, name: name, fromYear: from, untilYear: until)
    }

    private func holidayKind(_ key: String, _ reader: MappingReader) -> HolidayRule.Kind? {
        switch key {
        case "date":
            guard let scalar = reader.scalar("date") else { return nil }
            guard let date = LocalDate(iso: scalar.value) else {
                sink.error(.invalidValue, "expected a date as YYYY-MM-DD for 'date', found '\(scalar.value)'", at: scalar.location)
                return nil
            }
            return .date(date)
        case "every":
            guard let scalar = reader.scalar("every") else { return nil }
            let parts = scalar.value.split(separator: "-")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let month = Int(parts[0]), let day = Int(parts[1]),
                  LocalDate(year: 2000, month: month, day: day) != nil else {
                sink.error(.invalidValue, "expected a day of the year as MM-DD for 'every', found '\(scalar.value)'", at: scalar.location)
                return nil
            }
            return .annual(month: month, day: day)
        default:
            return reader.integer("easter", range: -100...100).map { .easter(offset: $0) }
        }
    }
}
