/// Checks a life cycle against itself and the catalog: statuses, reachability, final statuses,
/// timers and their calendar, and notification templates.
struct LifecycleChecker {
    let sink: DiagnosticSink
    let catalog: Catalog

    func check(_ lifecycle: LifecycleDefinition) {
        let statusIDs = lifecycle.statuses.map(\.id)
        var allKnown = true
        func known(_ reference: Reference) -> Bool {
            guard statusIDs.contains(reference.id) else {
                allKnown = false
                // Without statuses (their error is reported) every status would be unknown.
                if !statusIDs.isEmpty {
                    sink.unknownReference("status", reference.id, among: statusIDs, at: reference.location, scope: lifecycle.id)
                }
                return false
            }
            return true
        }
        let initialKnown = known(lifecycle.initial)
        if lifecycle.status(lifecycle.initial.id)?.isFinal == true {
            sink.error(.finalStatus, "the initial status '\(lifecycle.initial.id)' is final, so no ticket could ever move",
                       at: lifecycle.initial.location)
        }
        for transition in lifecycle.transitions {
            for from in transition.from where known(from) {
                if let status = lifecycle.status(from.id), status.isFinal {
                    sink.error(.finalStatus, "transition '\(transition.event)' leaves '\(from.id)', which is final; a final status accepts no event",
                               at: from.location, notes: [.init("'\(from.id)' is declared final here", at: status.location)])
                }
            }
            if let to = transition.to { _ = known(to) }
            checkTemplates(transition.notifications)
        }
        checkTemplates(lifecycle.onCreate + lifecycle.onStatusChange + lifecycle.onRefused)
        checkAmbiguousEvents(lifecycle)
        checkTimers(lifecycle)
        checkSurvey(lifecycle)
        // A misspelt status would also make its target look unreachable: report the cause only.
        if initialKnown, allKnown { checkReachability(lifecycle) }
    }

    private func checkTemplates(_ notifications: [Notification]) {
        for notification in notifications where catalog.templates[notification.template] == nil {
            sink.error(.unknownTemplate, "unknown template '\(notification.template)': there is no \(CatalogLoader.templateFolder)/\(notification.template).mustache"
                       + Suggestion.hint(for: notification.template, in: catalog.templates.keys.sorted()),
                       at: notification.location)
        }
    }

    /// One event may not lead two ways from the same status.
    private func checkAmbiguousEvents(_ lifecycle: LifecycleDefinition) {
        var seen: [String: SourceLocation] = [:]
        for transition in lifecycle.transitions {
            for from in transition.from {
                let key = "\(transition.event)\u{0}\(from.id)"
                if let first = seen[key] {
                    sink.error(.duplicateEvent, "event '\(transition.event)' is defined twice from status '\(from.id)'", at: from.location,
                               notes: [.init("first defined here", at: first)])
                }
                seen[key] = from.location
            }
        }
    }

    private func checkTimers(_ lifecycle: LifecycleDefinition) {
        for transition in lifecycle.timedTransitions {
            let keeps = transition.to == nil || transition.from.contains { $0.id == transition.to?.id }
            if keeps, let timer = transition.timer {
                sink.error(.timerRule, "the timer of '\(transition.event)' would fire again and again: a timed transition must move the ticket to another status",
                           at: timer.location)
            }
        }
        guard let timer = lifecycle.timedTransitions.first?.timer else {
            if let calendar = lifecycle.calendar { checkCalendar(calendar) }
            return
        }
        guard let calendar = lifecycle.calendar else {
            sink.error(.missingCalendar, "lifecycle '\(lifecycle.id)' has a timer but no 'calendar' to count working hours in",
                       at: timer.location)
            return
        }
        checkCalendar(calendar)
    }

    /// The survey's form and status exist, and there is a calendar to count its working hours in.
    private func checkSurvey(_ lifecycle: LifecycleDefinition) {
        guard let survey = lifecycle.survey else { return }
        if catalog.forms[survey.form.id] == nil {
            sink.unknownReference("form", survey.form.id, among: catalog.forms.keys, at: survey.form.location)
        }
        if lifecycle.status(survey.status.id) == nil {
            sink.unknownReference("status", survey.status.id, among: lifecycle.statuses.map(\.id), at: survey.status.location,
                                  scope: lifecycle.id)
        }
        // A missing calendar is reported once, for the first timer, if there is one.
        if lifecycle.calendar == nil, lifecycle.timedTransitions.isEmpty {
            sink.error(.missingCalendar, "lifecycle '\(lifecycle.id)' has a survey that expires after working hours but no 'calendar' to count them in",
                       at: survey.expiresLocation)
        }
    }

    private func checkCalendar(_ reference: Reference) {
        if catalog.calendars[reference.id] == nil {
            sink.unknownReference("calendar", reference.id, among: catalog.calendars.keys, at: reference.location)
        }
    }

    /// Every status must be reachable from the initial one.
    private func checkReachability(_ lifecycle: LifecycleDefinition) {
        var reached: Set<String> = [lifecycle.initial.id]
        var queue = [lifecycle.initial.id]
        while let status = queue.popLast() {
            for transition in lifecycle.transitions where transition.starts(from: status) {
                if let to = transition.to?.id, reached.insert(to).inserted { queue.append(to) }
            }
        }
        for status in lifecycle.statuses where !reached.contains(status.id) {
            sink.error(.unreachableStatus, "status '\(status.id)' cannot be reached from the initial status '\(lifecycle.initial.id)'; "
                       + "add a transition to it or remove it", at: status.location)
        }
    }
}
