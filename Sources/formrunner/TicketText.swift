import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPrompt
import FormrunnerRun

/// Tickets as text and JSON for the ticket commands.
enum TicketText {
    /// A page of tickets in JSON.
    struct Page: Encodable {
        var tickets: [TicketDocument]
        var page: Int
        var limit: Int
        var total: Int
    }

    static func document(_ ticket: Ticket, session: DeskSession, full: Bool, language: String = "en") -> TicketDocument {
        TicketDocument(ticket, statusLabel: session.label(ticket, in: language), includeAnswers: full)
    }

    static func table(_ tickets: [Ticket], session: DeskSession) -> String {
        let width = tickets.map { session.label($0).count }.max() ?? 0
        return tickets.map { ticket in
            let status = session.label(ticket).padding(toLength: width, withPad: " ", startingAt: 0)
            return String(format: "%6lld  ", ticket.number) + "\(status)  \(day(ticket.updatedAt))  \(ticket.title)  <\(ticket.requester.email)>"
        }.joined(separator: "\n") + (tickets.isEmpty ? "" : "\n")
    }

    /// The ticket for people, its catalog texts (statuses, labels, options) in `language`; `revealed`:
    /// the ticket's secret answers were opened for an agent (`--reveal-secrets`), else they are masked.
    static func details(_ ticket: Ticket, history: [HistoryEntry], outbox: [OutboxMessage], session: DeskSession,
                        revealed: Bool = false, language: String = "en") -> String {
        var out = "Ticket \(ticket.number): \(ticket.title)\n"
        out += "  Status:    \(session.label(ticket, in: language))\n"
        if let target = ticket.mergedInto { out += "  Merged:    into ticket \(target) (tickets show \(target))\n" }
        out += "  Form:      \(ticket.formID) (version \(ticket.formVersion))\n"
        out += "  Requester: \(ticket.requester.name.map { "\($0) " } ?? "")<\(ticket.requester.email)>\n"
        if let account = ticket.account { out += "  Account:   \(account)\n" }
        out += agentLines(ticket, session: session)
        if let ticketLanguage = ticket.language { out += "  Language:  \(ticketLanguage)\n" }
        for timer in ticket.timers { out += "  Timer:     \(timer.event) at \(stamp(timer.dueAt))\n" }
        if let survey = survey(of: ticket, history: history, session: session) { out += surveyLines(survey) }
        if let form = session.catalog.forms[ticket.formID] {
            out += "Answers:\n"
            for field in form.fields {
                guard let value = ticket.answers[field.id] else { continue }
                let hidden = SealedAnswer.isSealed(value) || (field.type == .secret && !revealed)
                let shown = hidden ? SealedAnswer.mask : display(value, field: field, language: language)
                out += "  \(field.label.text(in: language)): \(shown.replacingOccurrences(of: "\n", with: "\n    "))\n"
            }
        }
        if case .files(let files)? = ticket.answers[MailIngester.evidenceField], !files.isEmpty {
            out += "E-mail evidence:\n"
            for file in files { out += "  \(file.name) (\(file.mediaType), \(FileLimits.describe(size: file.size)))\n" }
        }
        if case .choices(let articles)? = ticket.answers[FlowInterpreter.articlesShownKey], !articles.isEmpty {
            out += "Articles the assistant suggested:\n"
            let index = try? session.desk.knowledge()
            let articleLanguage = ticket.language ?? "en"
            for id in articles { out += "  \(id)" + (index?.article(id, language: articleLanguage).map { ": \($0.title)" } ?? "") + "\n" }
        }
        out += "History:\n"
        for entry in history {
            let move = entry.from.map { "\(session.label(status: $0, in: language)) → \(session.label(status: entry.to, in: language))" }
                ?? session.label(status: entry.to, in: language)
            let who = entry.person.map { "\(entry.actor.rawValue) \($0)" } ?? entry.actor.rawValue
            if entry.isInternal {
                let text = (entry.message ?? "").replacingOccurrences(of: "\n", with: "\n    ")
                out += "  \(stamp(entry.at))  \(who)  Internal note: \(text)\n"
                continue
            }
            out += "  \(stamp(entry.at))  \(who)  \(entry.event)  \(move)\(entry.message.map { ": \($0)" } ?? "")\n"
        }
        if !outbox.isEmpty {
            out += "Messages:\n"
            for message in outbox {
                let state = message.deliveredAt.map { "sent \(stamp($0))" } ?? "waiting (\(message.attempts) attempt(s))"
                out += "  \(message.address)  \(message.subject)  [\(state)]\n"
            }
        }
        return out
    }

    /// `  Team:`, `  Priority:`, `  Assignee:` and `  SLA:` lines, for what the ticket has.
    static func agentLines(_ ticket: Ticket, session: DeskSession) -> String {
        var out = ""
        if let team = ticket.team {
            out += "  Team:      \(session.catalog.teams[team]?.label.english ?? team)\n"
        }
        if let priority = ticket.priority {
            out += "  Priority:  \(session.catalog.priorities?.level(priority)?.label.english ?? priority)\n"
        }
        if ticket.team != nil || ticket.assignee != nil { out += "  Assignee:  \(ticket.assignee ?? "nobody")\n" }
        if let clock = ticket.sla {
            let what = clock.kind == .firstResponse ? "first response" : "next response"
            var line: String
            if let answered = clock.answeredAt {
                line = clock.firstResponseAt == answered ? "first response at \(stamp(answered))" : "\(what) no longer owed since \(stamp(answered))"
            } else if clock.isPaused {
                line = "\(what) paused (awaiting the requester)"
            } else {
                line = "\(what) due \(clock.dueAt.map(stamp) ?? "never")"
            }
            if clock.breached || clock.firstResponseBreached { line += " — breached" }
            out += "  SLA:       \(line)\n"
        }
        return out
    }

    /// The satisfaction survey of `ticket` now, or `nil` when its life cycle has none.
    static func survey(of ticket: Ticket, history: [HistoryEntry], session: DeskSession) -> SurveyStatus? {
        guard session.catalog.lifecycles[ticket.lifecycleID]?.survey != nil else { return nil }
        return session.tickets.surveyStatus(of: ticket, history: history, at: session.now)
    }

    /// `  Survey:    …` (and the comment) for `survey`; nothing before the first round.
    static func surveyLines(_ survey: SurveyStatus) -> String {
        let due = survey.dueAt.map(stamp) ?? "never"
        switch survey.state {
        case .none: return ""
        case .pending: return "  Survey:    pending until \(due) (round \(survey.round))\n"
        case .expired: return "  Survey:    expired at \(due) (round \(survey.round))\n"
        case .evaluated:
            var out = "  Survey:    evaluated (round \(survey.round)): \(survey.answer?.ratingLabel ?? "?")\n"
            if let comment = survey.answer?.comment {
                out += "  Comment:   \(comment.replacingOccurrences(of: "\n", with: "\n    "))\n"
            }
            return out
        }
    }

    static func display(_ value: AnswerValue, field: FieldDefinition, language: String = "en") -> String {
        switch value {
        case .choice(let id): return field.option(id)?.label.text(in: language) ?? id
        case .choices(let ids): return ids.map { field.option($0)?.label.text(in: language) ?? $0 }.joined(separator: ", ")
        case .files(let files): return files.map { "\($0.name) (\(FileLimits.describe(size: $0.size)), sha256 \($0.sha256.prefix(12))…)" }.joined(separator: ", ")
        case .boolean(let yes): return (yes ? RequesterText.yes : RequesterText.no).text(language)
        case .items(let items):
            return field.itemLines(items, language: language) { display($0, field: $1, language: language) }
        default: return value.plainText
        }
    }

    static func stamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static func day(_ date: Date) -> String {
        String(stamp(date).prefix(10))
    }
}

extension DeskSession {
    /// The label of a ticket's status, in `language`.
    func label(_ ticket: Ticket, in language: String = "en") -> String {
        catalog.lifecycles[ticket.lifecycleID]?.status(ticket.status)?.label.text(in: language) ?? ticket.status
    }

    /// The label of a status id in any life cycle, in `language`.
    func label(status: String, in language: String = "en") -> String {
        catalog.lifecycles.values.lazy.compactMap { $0.status(status)?.label.text(in: language) }.first ?? status
    }

    /// A status id from an id or a label, or a usage error with a hint.
    func statusID(_ text: String) throws -> String {
        let statuses = catalog.lifecycles.values.flatMap(\.statuses)
        if let exact = statuses.first(where: { $0.id == text || $0.label.english.lowercased() == text.lowercased() }) {
            return exact.id
        }
        throw CommandFailure("unknown status '\(text)'" + Suggestion.hintOrList(for: text, in: Array(Set(statuses.map(\.id))).sorted()))
    }
}
