import Foundation

/// The JSON object of a report (keys documented in the README).
enum ReportJSON {
    static func object(_ report: DeskReport) -> [String: Any] {
        let iso = ISO8601DateFormatter()
        return [
            "period": [
                "from": report.fromDate.description, "to": report.toDate.description,
                "time_zone": report.timeZone.identifier,
                "from_instant": iso.string(from: report.from), "to_instant": iso.string(from: report.to),
            ] as [String: Any],
            "team": report.team ?? NSNull(),
            "now": iso.string(from: report.now),
            "lines": report.lines.map(line),
            "total": line(report.total),
            "first_response": [
                "all": percentiles(report.totalFigures.firstResponse),
                "teams": report.teams.map { ["team": $0.team ?? NSNull(), "answered": $0.firstResponse.count,
                                             "median_seconds": nullable($0.firstResponse.median),
                                             "p90_seconds": nullable($0.firstResponse.p90),
                                             "median_hours": hours($0.firstResponse.median), "p90_hours": hours($0.firstResponse.p90)] as [String: Any] },
                "distribution": zip(report.distributionBuckets, report.distribution).map { ["bucket": $0, "count": $1] as [String: Any] },
            ] as [String: Any],
            "backlog": [
                "buckets": report.backlogBuckets,
                "teams": report.teams.map { ["team": $0.team ?? NSNull(), "counts": $0.backlog] as [String: Any] },
                "total": report.totalFigures.backlog,
            ] as [String: Any],
            "satisfaction": [
                "answers": report.surveyAnswers,
                "ratings": Dictionary(uniqueKeysWithValues: zip(report.ratingOptions, report.totalFigures.ratings).map { ($0, $1) }),
                "average": report.averageRating.map { rounded($0, 2) } ?? NSNull(),
                "satisfied_share": report.satisfiedShare.map { rounded($0, 4) } ?? NSNull(),
            ] as [String: Any],
            "assistant": assistant(report.assistant),
            "days": report.days.map { ["date": $0.date.description, "opened": $0.opened, "solved": $0.solved] as [String: Any] },
        ]
    }

    /// The assistant's figures as `knowledge stats --json` writes them, or null.
    static func assistant(_ stats: AssistantStats?) -> Any {
        guard let stats, let data = try? JSONEncoder().encode(stats),
              let object = try? JSONSerialization.jsonObject(with: data) else { return NSNull() }
        return object
    }

    static func line(_ line: DeskReport.Line) -> [String: Any] {
        [
            "team": line.team ?? NSNull(), "priority": line.priority ?? NSNull(),
            "opened": line.counts.opened, "solved": line.counts.solved, "closed": line.counts.closed,
            "reopened": line.counts.reopened, "reopen_rate": line.reopenRate.map { rounded($0, 4) } ?? NSNull(),
            "sla_met": line.counts.slaMet, "sla_breached": line.counts.slaBreached, "sla_pending": line.counts.slaPending,
            "sla_attainment": line.slaAttainment.map { rounded($0, 4) } ?? NSNull(),
        ]
    }

    static func percentiles(_ value: ReportRows.Percentiles) -> [String: Any] {
        ["answered": value.count, "median_seconds": nullable(value.median), "p90_seconds": nullable(value.p90),
         "median_hours": hours(value.median), "p90_hours": hours(value.p90)]
    }

    static func nullable(_ value: Int64?) -> Any { value.map { $0 as Any } ?? NSNull() }
    static func hours(_ seconds: Int64?) -> Any { seconds.map { rounded(Double($0) / 3600, 2) as Any } ?? NSNull() }
    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
