import Foundation

extension Catalog {
    /// The zone a form's `datetime` answers and `today` are read in: the calendar of its team,
    /// else of its life cycle, else the catalog's only calendar, else UTC.
    func timeZone(of form: FormDefinition) -> TimeZone {
        let lifecycle = form.lifecycleID.flatMap { lifecycles[$0] }
        if let calendar = calendar(team: form.team, lifecycle: lifecycle) { return calendar.timeZone }
        if calendars.count == 1, let only = calendars.values.first { return only.calendar.timeZone }
        return TimeZone(identifier: "UTC") ?? .current
    }

    /// Gives every field of every form its form's zone (``FieldDefinition/timeZone``).
    mutating func assignTimeZones() {
        for (id, form) in forms {
            let zone = timeZone(of: form)
            var form = form
            for index in form.fields.indices { form.fields[index].timeZone = zone }
            forms[id] = form
        }
    }
}
