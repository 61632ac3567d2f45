import Foundation

extension TicketDesk {
    /// Upper bounds of the first-response distribution's buckets, in working hours.
    public static let reportDistributionHours: [Int64] = [1, 2, 4, 8, 12, 24]
    /// The backlog's age buckets, in working days of the team's calendar.
    public static let reportBacklogDays: [Int64] = [1, 3, 7]

    /// The report of `request`: aggregate queries on the store (``TicketReading/reportRows(_:)``), never a load of
    /// every ticket. The period's dates are local dates of the desk's time zone (its first life
    /// cycle's calendar); without them it is the current month; one of them alone spans a month.
    ///
    /// - Throws: ``ReportFailure`` for an empty period, an unknown team or a store without reports.
    public func report(_ request: ReportRequest) async throws -> DeskReport {
        let lifecycle = catalog.lifecycles.values.sorted { $0.id < $1.id }.first { $0.calendar != nil }
            ?? catalog.lifecycles.values.sorted { $0.id < $1.id }.first
        let zone = lifecycle.flatMap { catalog.calendar(team: nil, lifecycle: $0) }?.timeZone ?? TimeZone(identifier: "UTC")!
        let days = LocalDays(timeZone: zone)
        let (fromDate, toDate) = days.period(from: request.from, to: request.to, now: request.now)
        guard fromDate < toDate else { throw ReportFailure.emptyPeriod(from: fromDate, to: toDate) }
        let known = catalog.teams.keys.sorted()
        if let team = request.team, !known.contains(team) { throw ReportFailure.unknownTeam(team, known: known) }
        let teams: [String?] = request.team.map { [$0] } ?? (known.map { Optional($0) } + [nil])
        var open: Set<String> = []
        for candidate in catalog.lifecycles.values { open.formUnion(ReportStatuses(catalog: catalog, lifecycle: candidate).open) }
        let backlog = teams.map { team in
            ReportQuery.Backlog(team: team, cutoffs: Self.reportBacklogDays.map { count in
                catalog.calendar(team: team, lifecycle: lifecycle).map { Self.workingDays(count, before: request.now, in: $0) }
                    ?? request.now.addingTimeInterval(-Double(count) * 86_400)
            })
        }
        let query = ReportQuery(from: days.start(of: fromDate), to: days.start(of: toDate), team: request.team,
                                now: request.now, openStatuses: open.sorted(), backlog: backlog,
                                distributionBounds: Self.reportDistributionHours.map { $0 * 3600 })
        let rows = try await store.reportRows(query)
        return assemble(rows, query: query, fromDate: fromDate, toDate: toDate, teams: teams, days: days, lifecycle: lifecycle)
    }

    /// The instant `days` working days (of the calendar's average working day) before `now`: a ticket
    /// created at or after it has waited less than that many working days.
    static func workingDays(_ days: Int64, before now: Date, in calendar: BusinessCalendar) -> Date {
        let week = calendar.weeklyHours.values.map { $0.reduce(0) { $0 + max(0, min($1.end, 1440) - max($1.start, 0)) } }
        let workingDays = week.filter { $0 > 0 }
        guard !workingDays.isEmpty else { return now.addingTimeInterval(-Double(days) * 86_400) }
        let dayLength = Int64(workingDays.reduce(0, +) * 60 / workingDays.count)
        let target = days * dayLength
        // The latest instant from which `target` working seconds have run until `now`, plus 1 ms.
        var low = now.millisecondsSince1970 - 3 * 366 * 86_400_000, high = now.millisecondsSince1970
        guard calendar.workingSeconds(from: Date(millisecondsSince1970: low), to: now) >= target else {
            return Date(millisecondsSince1970: low)
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if calendar.workingSeconds(from: Date(millisecondsSince1970: middle), to: now) >= target { low = middle } else { high = middle }
        }
        return Date(millisecondsSince1970: low + 1)
    }

    private func assemble(_ rows: ReportRows, query: ReportQuery, fromDate: LocalDate, toDate: LocalDate,
                          teams: [String?], days: LocalDays, lifecycle: LifecycleDefinition?) -> DeskReport {
        let levels = catalog.priorities?.levels.map(\.id) ?? []
        let teamOrder = { (team: String?) in teams.firstIndex(of: team) ?? teams.count }
        let priorityOrder = { (priority: String?) in priority.flatMap { levels.firstIndex(of: $0) } ?? levels.count }
        let lines = rows.counts.map { DeskReport.Line(team: $0.key.team, priority: $0.key.priority, counts: $0.value) }
            .sorted { (teamOrder($0.team), $0.team ?? "", priorityOrder($0.priority), $0.priority ?? "")
                < (teamOrder($1.team), $1.team ?? "", priorityOrder($1.priority), $1.priority ?? "") }
        var total = ReportRows.Counts()
        for line in lines {
            total.opened += line.counts.opened
            total.solved += line.counts.solved
            total.reopened += line.counts.reopened
            total.closed += line.counts.closed
            total.slaMet += line.counts.slaMet
            total.slaBreached += line.counts.slaBreached
            total.slaPending += line.counts.slaPending
        }
        let survey = lifecycle?.survey.flatMap { catalog.forms[$0.form.id] }?.field(SurveyKeys.ratingField)
        let options = survey?.options ?? []
        let ratingIDs = options.isEmpty ? Array(Set(rows.ratings.values.flatMap(\.keys))).sorted() : options.map(\.id)
        let figures = teams.map { team in
            DeskReport.TeamFigures(team: team, firstResponse: rows.firstResponse[team] ?? ReportRows.Percentiles(),
                                   backlog: rows.backlog[team] ?? Array(repeating: 0, count: Self.reportBacklogDays.count + 1),
                                   ratings: ratingIDs.map { rows.ratings[team]?[$0] ?? 0 })
        }
        let totalFigures = DeskReport.TeamFigures(
            team: nil, firstResponse: rows.firstResponseTotal,
            backlog: (0...Self.reportBacklogDays.count).map { index in figures.reduce(0) { $0 + $1.backlog[index] } },
            ratings: ratingIDs.indices.map { index in figures.reduce(0) { $0 + $1.ratings[index] } })
        var perDay: [LocalDate: (opened: Int, solved: Int)] = [:]
        for (slot, count) in rows.openedSlots { perDay[days.date(of: slot, query: query), default: (0, 0)].opened += count }
        for (slot, count) in rows.solvedSlots { perDay[days.date(of: slot, query: query), default: (0, 0)].solved += count }
        var dates: [DeskReport.Day] = []
        var day = fromDate
        while day < toDate {
            dates.append(DeskReport.Day(date: day, opened: perDay[day]?.opened ?? 0, solved: perDay[day]?.solved ?? 0))
            day = day.adding(days: 1)
        }
        let hours = Self.reportDistributionHours
        let buckets = ["< \(hours[0]) h"] + zip(hours, hours.dropFirst()).map { "\($0)–\($1) h" } + ["≥ \(hours.last!) h"]
        let ages = Self.reportBacklogDays
        let ageBuckets = ["< \(ages[0]) d"] + zip(ages, ages.dropFirst()).map { "\($0)–\($1) d" } + ["≥ \(ages.last!) d"]
        return DeskReport(
            fromDate: fromDate, toDate: toDate, timeZone: days.timeZone, from: query.from, to: query.to, team: query.team,
            now: query.now, lines: lines, total: DeskReport.Line(team: nil, priority: nil, counts: total),
            teams: figures, totalFigures: totalFigures, distributionBuckets: buckets, distribution: rows.distribution,
            backlogBuckets: ageBuckets, ratingOptions: ratingIDs,
            ratingLabels: ratingIDs.map { id in options.first { $0.id == id }?.label.english ?? id },
            satisfiedOptions: min(2, ratingIDs.count), days: dates,
            teamLabels: catalog.teams.mapValues(\.label.english),
            priorityLabels: Dictionary(uniqueKeysWithValues: (catalog.priorities?.levels ?? []).map { ($0.id, $0.label.english) }))
    }
}
