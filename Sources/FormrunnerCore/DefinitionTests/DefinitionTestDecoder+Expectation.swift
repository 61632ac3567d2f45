import Foundation

/// What an expectation may name: the form the answers were given to, the life cycle of the filed
/// ticket (`nil` when none is filed), and whether it follows an event.
struct ExpectationContext {
    var form: FormDefinition?
    var lifecycle: LifecycleDefinition?
    var filed: Bool
    var isEvent: Bool
}

extension DefinitionTestDecoder {
    static let expectationKeys = ["valid", "errors", "shown", "hidden", "priority", "status", "timers", "emails", "refused"]
    static let answerKeys: Set<String> = ["valid", "errors", "shown", "hidden"]
    static let ticketKeys: Set<String> = ["status", "timers", "emails"]
    static let eventKeys = ["at", "event", "as", "message", "expect"]
    static let emailKeys = ["template", "to", "subject"]

    /// The expectation `node` writes, checked against what it can name.
    func expectation(_ node: YAMLNode, context: ExpectationContext) -> DefinitionTestExpectation {
        var expectation = DefinitionTestExpectation()
        guard let written = MappingReader(node, context: "'expect'", keys: Self.expectationKeys, sink: sink) else { return expectation }
        var kept = written.mapping
        kept.entries.removeAll { entry in
            let key = entry.key.value
            if context.isEvent, Self.answerKeys.contains(key) {
                sink.error("'\(key)' is about the answers; write it in the test's own 'expect', not an event's", at: entry.key.location)
            } else if !context.filed, Self.ticketKeys.contains(key) {
                sink.error("'\(key)' needs a filed ticket: give the test an 'at:' instant at which it is filed", at: entry.key.location)
            } else if !context.isEvent, key == "refused" {
                sink.error("'refused' applies to an event: write it in the 'expect' of one of the test's 'events'", at: entry.key.location)
            } else {
                return false
            }
            return true
        }
        // A key in the wrong place is one mistake: its value is not read as well.
        let reader = MappingReader(kept, context: "'expect'", keys: Self.expectationKeys, sink: sink)
        let values = ValueReader(sink: sink)
        expectation.valid = reader.boolean("valid")
        if let node = reader.optional("errors") {
            expectation.errors = values.list(node, what: "'errors'") { values.string($0, what: "an item of 'errors'") }
        }
        expectation.shown = fields("shown", reader: reader, form: context.form)
        expectation.hidden = fields("hidden", reader: reader, form: context.form)
        if let priority = reader.identifier("priority", required: false) {
            let levels = catalog.priorities?.levels.map(\.id) ?? []
            if !levels.contains(priority.id) {
                sink.error("unknown priority '\(priority.id)'" + (levels.isEmpty ? "; the catalog declares no priorities"
                                                                  : Suggestion.hintOrList(for: priority.id, in: levels)),
                           at: priority.location)
            }
            expectation.priority = priority.id
        }
        if let status = reader.identifier("status", required: false) {
            if let lifecycle = context.lifecycle, lifecycle.status(status.id) == nil {
                sink.error("unknown status '\(status.id)' in lifecycle '\(lifecycle.id)'"
                           + Suggestion.hintOrList(for: status.id, in: lifecycle.statuses.map(\.id)), at: status.location)
            }
            expectation.status = status.id
        }
        if let node = reader.optional("timers") { expectation.timers = timers(node, lifecycle: context.lifecycle) }
        if let node = reader.optional("emails") {
            expectation.emails = values.list(node, what: "'emails'") { email($0) }
        }
        expectation.refused = reader.string("refused", required: false)
        return expectation
    }

    private func fields(_ key: String, reader: MappingReader, form: FormDefinition?) -> [String]? {
        guard let node = reader.optional(key) else { return nil }
        let values = ValueReader(sink: sink)
        let ids = values.list(node, what: "'\(key)'") { values.identifier($0, what: "an item of '\(key)'") }
        if let form {
            for id in ids where form.field(id.id) == nil {
                sink.error("form '\(form.id)' has no field '\(id.id)'" + Suggestion.hint(for: id.id, in: form.fields.map(\.id)),
                           at: id.location)
            }
        }
        return ids.map(\.id)
    }

    private func timers(_ node: YAMLNode, lifecycle: LifecycleDefinition?) -> [(event: String, at: Date)] {
        guard case .mapping(let mapping) = node else {
            sink.error("expected a mapping from timer event to instant for 'timers' (e.g. close: 2026-03-05T10:00-03:00), "
                       + "found \(node.kindDescription)", at: node.location)
            return []
        }
        let events = (lifecycle?.timedTransitions.map(\.event) ?? []) + [TicketDesk.slaWarning, TicketDesk.slaBreach]
        var result: [(event: String, at: Date)] = []
        for entry in mapping.entries {
            if lifecycle != nil, !events.contains(entry.key.value) {
                sink.error("unknown timer '\(entry.key.value)'" + Suggestion.hintOrList(for: entry.key.value, in: events),
                           at: entry.key.location)
            }
            if let at = instant(entry.value) { result.append((entry.key.value, at)) }
        }
        return result
    }

    private func email(_ node: YAMLNode) -> DefinitionTestExpectation.ExpectedEmail? {
        guard let reader = MappingReader(node, context: "an e-mail", keys: Self.emailKeys, sink: sink),
              let template = reader.identifier("template") else { return nil }
        let names = Set(catalog.templates.keys.map { String($0.split(separator: ".").first ?? "") }).sorted()
        if !names.contains(template.id) {
            sink.error("unknown template '\(template.id)'" + Suggestion.hintOrList(for: template.id, in: names), at: template.location)
        }
        let to = reader.string("to", required: false)
        if let to, !to.contains("@"), Actor(rawValue: to) == nil {
            sink.error("'\(to)' is not a recipient; write requester, agent or an e-mail address", at: reader.mapping["to"]?.location)
        }
        return DefinitionTestExpectation.ExpectedEmail(template: template.id, to: to, subject: reader.string("subject", required: false))
    }

    /// The events of a test whose ticket is filed at `filedAt`, each at or after the one before.
    func events(_ node: YAMLNode, after filedAt: Date, form: FormDefinition?, lifecycle: LifecycleDefinition?) -> [DefinitionTestEvent] {
        guard case .sequence(let sequence) = node else {
            sink.error("expected a list of events for 'events', found \(node.kindDescription)", at: node.location)
            return []
        }
        var previous = filedAt
        var events: [DefinitionTestEvent] = []
        for item in sequence.items {
            guard let reader = MappingReader(item, context: "an event", keys: Self.eventKeys, sink: sink) else { continue }
            let at = reader.required("at").flatMap(instant)
            if let at, at < previous {
                sink.error("this event is before the one before it (or the filing); events happen in the order written",
                           at: reader.mapping["at"]?.location)
            }
            previous = at ?? previous
            guard let event = reader.identifier("event") else { continue }
            let actor = self.actor(of: event, reader: reader, lifecycle: lifecycle)
            let context = ExpectationContext(form: form, lifecycle: lifecycle, filed: true, isEvent: true)
            let expectation = reader.optional("expect").map { self.expectation($0, context: context) } ?? DefinitionTestExpectation()
            guard let at, let actor else { continue }
            events.append(DefinitionTestEvent(event: event.id, actor: actor, at: at, message: reader.string("message", required: false),
                                              expectation: expectation, location: reader.location))
        }
        return events
    }

    /// Who fires `event`: `as:`, else the only actor its transitions allow (`system` for `tick`).
    private func actor(of event: Reference, reader: MappingReader, lifecycle: LifecycleDefinition?) -> Actor? {
        let written = reader.keyword("as", as: Actor.self, required: false)
        if event.id == DefinitionTestEvent.tick { return written ?? .system }
        guard let lifecycle else { return written }
        let transitions = lifecycle.transitions.filter { $0.event == event.id }
        guard !transitions.isEmpty else {
            let known = Array(Set(lifecycle.transitions.map(\.event))).sorted() + [DefinitionTestEvent.tick]
            sink.error("unknown event '\(event.id)' in lifecycle '\(lifecycle.id)'" + Suggestion.hintOrList(for: event.id, in: known),
                       at: event.location)
            return nil
        }
        if let written { return written }
        var actors: [Actor] = []
        for actor in transitions.flatMap(\.actors) where !actors.contains(actor) { actors.append(actor) }
        guard actors.count == 1 else {
            sink.error("'\(event.id)' may be fired by \(LifecycleEngine.list(actors.map(\.rawValue), joiner: "or")); say which with 'as:'",
                       at: event.location)
            return nil
        }
        return actors[0]
    }
}
