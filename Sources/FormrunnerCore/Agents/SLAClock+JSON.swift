import Foundation

extension SLAClock {
    /// ``storedJSON()`` written by hand: the bytes `JSONEncoder` writes with `.sortedKeys` and instants
    /// as whole milliseconds (keys sorted by their bytes, absent values left out), without its generic
    /// machinery, which was a thirtieth of a create. Tests compare both.
    func handWrittenJSON() -> String {
        var json = "{"
        var first = true
        func key(_ name: String) {
            json += first ? "\"" : ",\""
            first = false
            json += name
            json += "\":"
        }
        func instant(_ name: String, _ date: Date?) {
            guard let date else { return }
            key(name)
            json += String(date.millisecondsSince1970)
        }
        func flag(_ name: String, _ value: Bool) {
            key(name)
            json += value ? "true" : "false"
        }
        instant("answeredAt", answeredAt)
        flag("breached", breached)
        instant("dueAt", dueAt)
        instant("firstResponseAt", firstResponseAt)
        flag("firstResponseBreached", firstResponseBreached)
        instant("firstResponseDue", firstResponseDue)
        if let firstResponseSeconds {
            key("firstResponseSeconds")
            json += String(firstResponseSeconds)
        }
        key("kind")
        json += "\"" + kind.rawValue + "\""
        key("pauses")
        json += "[" + pauses.map { pause in
            "{\"from\":\(pause.from.millisecondsSince1970)" + (pause.to.map { ",\"to\":\($0.millisecondsSince1970)" } ?? "") + "}"
        }.joined(separator: ",") + "]"
        key("priority")
        json += AnswersJSON.quoted(priority)
        instant("startedAt", startedAt)
        key("targetSeconds")
        json += String(targetSeconds)
        flag("warned", warned)
        return json + "}"
    }
}
