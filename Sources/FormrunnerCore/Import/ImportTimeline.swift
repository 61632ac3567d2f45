import Foundation

/// The instants, status and history of an imported ticket, checked: statuses of its life cycle, lines
/// that follow one another in time and in status, nothing after the import.
struct ImportTimeline {
    var createdAt: Date
    var updatedAt: Date
    var lastInteractionAt: Date
    var statusEnteredAt: Date
    var status: String
    /// The whole history, a creation line first.
    var history: [HistoryEntry]

    /// A history line with its number in the file's `history` (0 for a line the import adds).
    typealias Line = (number: Int, entry: HistoryEntry)

    /// The keys a history line may have.
    static let lineKeys = ["at", "actor", "event", "from", "to", "message", "person", "internal"]
    /// The event of the line written for a ticket imported in another status than the initial one without history.
    static let importEvent = "import"

    /// The timeline of the line `fields` reads, or `nil` with its problems added to `fields`.
    init?(fields: inout ImportFields, lifecycle: LifecycleDefinition, now: Date) {
        let before = fields.problems.count
        let statusIDs = lifecycle.statuses.map(\.id)
        func unknown(_ status: String) -> String {
            "unknown status '\(status)' in life cycle '\(lifecycle.id)'" + Suggestion.hintOrList(for: status, in: statusIDs)
        }
        let created = fields.instant("created_at"), updated = fields.instant("updated_at")
        let status = fields.string("status")
        if let status, lifecycle.status(status) == nil { fields.problems.append(ImportProblem(unknown(status))) }
        let beforeLines = fields.problems.count
        var lines = Self.lines(in: &fields, lifecycle: lifecycle, unknown: unknown)
        // A line left out would make the others look out of order: the order is checked on whole histories only.
        guard fields.problems.count == beforeLines else { return nil }
        let createdAt = created ?? lines.first?.entry.at ?? now
        let initial = lifecycle.initial.id
        if lines.isEmpty, let status, status != initial {
            lines = [(0, HistoryEntry(at: updated ?? createdAt, actor: .system, event: Self.importEvent, from: initial, to: status,
                                      message: "imported in this status"))]
        }
        if lines.first?.entry.event != "create" {
            lines.insert((0, HistoryEntry(at: createdAt, actor: .requester, event: "create", from: nil,
                                          to: lines.first?.entry.from ?? initial)), at: 0)
        } else if lines[0].entry.from != nil {
            fields.problems.append(ImportProblem("history line 1: a 'create' line has no 'from'"))
        }
        var previous: (number: Int, at: Date, to: String)?
        for index in lines.indices {
            let (number, entry) = lines[index]
            let name = number == 0 ? "the creation" : "history line \(number)"
            if let previous {
                if lines[index].entry.from == nil { lines[index].entry.from = previous.to }
                if let from = lines[index].entry.from, from != previous.to {
                    fields.problems.append(ImportProblem(
                        "\(name) goes from '\(from)', but the line before left the ticket in '\(previous.to)'"))
                }
                if entry.at < previous.at {
                    let earlier = previous.number == 0 ? "'created_at'" : "history line \(previous.number)"
                    fields.problems.append(ImportProblem("timestamps out of order: \(name) (\(ImportFields.text(entry.at))) "
                                                         + "is before \(earlier) (\(ImportFields.text(previous.at)))"))
                }
            } else if number != 0, entry.at < createdAt {
                fields.problems.append(ImportProblem("timestamps out of order: \(name) (\(ImportFields.text(entry.at))) "
                                                     + "is before 'created_at' (\(ImportFields.text(createdAt)))"))
            }
            previous = (number, number == 0 ? createdAt : entry.at, entry.to)
        }
        let last = lines[lines.count - 1].entry
        if let status, lifecycle.status(status) != nil, status != last.to {
            fields.problems.append(ImportProblem("'status' is '\(status)', but the history ends in '\(last.to)'"))
        }
        let latest = max(createdAt, lines.map(\.entry.at).max() ?? createdAt)
        let updatedAt = updated ?? latest
        if updatedAt < latest {
            let what = lines.count == 1 && created != nil ? "'created_at'" : "the last history line"
            fields.problems.append(ImportProblem("timestamps out of order: 'updated_at' (\(ImportFields.text(updatedAt))) "
                                                 + "is before \(what) (\(ImportFields.text(latest)))"))
        }
        if updatedAt > now {
            fields.problems.append(ImportProblem("'\(updated == nil ? "history" : "updated_at")' reaches "
                                                 + "\(ImportFields.text(updatedAt)), after the time of the import "
                                                 + "(\(ImportFields.text(now)))"))
        }
        guard fields.problems.count == before else { return nil }
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = last.to
        self.history = lines.map(\.entry)
        statusEnteredAt = lines.last { $0.entry.from != $0.entry.to }?.entry.at ?? createdAt
        lastInteractionAt = lines.last { $0.entry.actor != .system && !$0.entry.isInternal }?.entry.at ?? createdAt
    }

    /// The lines of `history` with their numbers (from 1), each checked.
    private static func lines(in fields: inout ImportFields, lifecycle: LifecycleDefinition,
                              unknown: (String) -> String) -> [Line] {
        guard let value = fields.object["history"], value != .null else { return [] }
        guard case .array(let items) = value else {
            fields.problems.append(ImportProblem("'history' must be an array of lines, found \(value.kind)"))
            return []
        }
        var lines: [Line] = []
        for (offset, item) in items.enumerated() {
            let prefix = "history line \(offset + 1)"
            guard case .object(let object) = item else {
                fields.problems.append(ImportProblem("\(prefix) must be an object, found \(item.kind)"))
                continue
            }
            var line = ImportFields(object)
            for key in object.keys.sorted() where !lineKeys.contains(key) {
                line.problems.append(ImportProblem("unknown key '\(key)'" + Suggestion.hintOrList(for: key, in: lineKeys)))
            }
            let at = line.instant("at")
            if object["at"] == nil { line.problems.append(ImportProblem("'at' is missing")) }
            let actorName = line.string("actor", required: true)
            let actor = actorName.flatMap(Actor.init(rawValue:))
            if let actorName, actor == nil {
                line.problems.append(ImportProblem("'actor' is '\(actorName)'; expected requester, agent or system"))
            }
            let event = line.string("event", required: true)
            if event?.isEmpty == true { line.problems.append(ImportProblem("'event' is empty")) }
            let from = line.string("from"), to = line.string("to", required: true)
            for status in [from, to].compactMap({ $0 }) where lifecycle.status(status) == nil {
                line.problems.append(ImportProblem(unknown(status)))
            }
            let message = line.string("message"), person = line.string("person")
            if let person, !AnswerParser.isEmail(person) {
                line.problems.append(ImportProblem("'person' is not an e-mail address: '\(person)'"))
            }
            var isInternal = false
            switch object["internal"] {
            case .bool(let flag)?: isInternal = flag
            case nil, .null?: break
            case let other?: line.problems.append(ImportProblem("'internal' must be true or false, found \(other.kind)"))
            }
            fields.problems += line.problems.map { ImportProblem("\(prefix): \($0.message)") }
            guard line.problems.isEmpty, let at, let actor, let event, let to else { continue }
            lines.append((offset + 1, HistoryEntry(at: at, actor: actor, event: event, from: from, to: to, message: message,
                                                   person: person.map(UserRecord.normalizedEmail), isInternal: isInternal)))
        }
        return lines
    }
}
