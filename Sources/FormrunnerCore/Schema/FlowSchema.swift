/// Schema definitions for entry flows, life cycles and calendars.
enum FlowSchema {
    typealias S = DefinitionSchema

    static var definitions: [String: JSONValue] {
        let interval: JSONValue = ["type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"]
        return [
            "workflow": S.object("workflow", [
                "workflow": S.ref("id"), "title": S.ref("label"), "team": S.ref("id"), "description": S.ref("label"),
                "lifecycle": S.ref("id"), "steps": ["type": "array", "minItems": 1, "items": S.ref("step")],
            ], required: ["workflow", "title", "team", "lifecycle", "steps"], description: "An entry flow."),
            "step": S.object("step", [
                "id": S.ref("id"), "type": S.enumeration(StepDefinition.typeNames, "the step type"),
                "title": S.ref("label"), "help": S.ref("label"),
                "methods": S.oneOrMany(S.enumeration(StepDefinition.Authentication.Method.allCases.map(\.rawValue), "log-in method")),
                "second_factor": S.oneOrMany(S.enumeration(StepDefinition.Authentication.SecondFactor.allCases.map(\.rawValue), "second factor")),
                "require": S.oneOrMany(S.ref("id")), "countries": S.oneOrMany(["type": "string", "pattern": "^[A-Z]{2}$"]),
                "message": S.ref("label"), "languages": S.ref("options"), "scenarios": S.ref("options"),
                "guidance": S.ref("options"), "handoff": S.ref("label"),
                "suggestions": S.ref("label"), "no_match": S.ref("label"), "read": S.ref("label"), "answered": S.ref("label"),
                "ask_again": S.ref("label"), "other_words": S.ref("label"), "back": S.ref("label"), "closing": S.ref("label"),
                "find_answers": S.ref("label"),
                "channel": S.enumeration(StepDefinition.OneTimeCode.Channel.allCases.map(\.rawValue), "where the code is sent"),
                "digits": ["type": "integer", "minimum": 4, "maximum": 10], "expires": S.ref("duration"),
                "attempts": ["type": "integer", "minimum": 1, "maximum": 20], "resend_after": S.ref("duration"),
                "label": S.ref("label"), "group": S.ref("id"), "continue": S.ref("label"),
                "subjects": ["type": "array", "minItems": 1, "items": [
                    "type": "object", "additionalProperties": false, "required": ["id", "label", "form"],
                    "properties": ["id": S.ref("id"), "label": S.ref("label"), "form": S.ref("id")],
                ]],
                "form": S.ref("id"),
            ], required: ["id", "type"], description: "One step of an entry flow; which keys apply depends on its type."),
            "lifecycle": S.object("lifecycle", [
                "lifecycle": S.ref("id"), "title": S.ref("label"), "calendar": S.ref("id"), "initial": S.ref("id"),
                "variables": ["type": "object", "additionalProperties": ["type": "string"]],
                "on_create": S.ref("hook"), "on_status_change": S.ref("hook"), "on_refused": S.ref("hook"),
                "statuses": ["type": "object", "minProperties": 1, "additionalProperties": S.ref("status")],
                "transitions": ["type": "array", "items": S.ref("transition")],
                "survey": S.ref("survey"),
            ], required: ["lifecycle", "initial", "statuses", "transitions"], description: "A ticket life cycle."),
            "survey": S.object("survey", [
                "form": S.ref("id"), "status": S.ref("id"),
                "expires": S.ref("survey_expiry"),
            ], required: ["form", "status", "expires"],
               description: "The satisfaction survey: a new round opens each time a ticket enters `status`."),
            "survey_expiry": S.object("survey_expiry", ["working_hours": ["type": "number", "exclusiveMinimum": 0]],
                                      required: ["working_hours"],
                                      description: "How long a survey round can be answered, in the life cycle's calendar."),
            "status": S.object("status", ["label": S.ref("label"), "description": S.ref("label"), "final": ["type": "boolean"]],
                               required: ["label"], description: "A status; a final one accepts no event."),
            "transition": S.object("transition", [
                "event": S.ref("id"), "label": S.ref("label"), "from": S.oneOrMany(S.ref("id")), "to": S.ref("id"),
                "by": S.oneOrMany(S.ref("actor")), "notify": S.ref("notify"), "after": S.ref("timer"),
            ], required: ["event", "from", "by"], description: "An event that moves a ticket."),
            "timer": S.object("timer", [
                "working_hours": ["type": "number", "exclusiveMinimum": 0],
                "since": S.enumeration(TimerDefinition.Since.allCases.map(\.rawValue), "what the hours count from"),
            ], required: ["working_hours"], description: "Fire after working hours in the life cycle's calendar."),
            "calendar": S.object("calendar", [
                "calendar": S.ref("id"), "title": S.ref("label"), "time_zone": ["type": "string", "description": "IANA time zone"],
                "working_hours": ["type": "object", "additionalProperties": false,
                                  "properties": .object(Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
                                      ($0.name, S.oneOrMany(interval))
                                  }))],
                "holidays": ["type": "array", "items": S.ref("holiday")],
            ], required: ["calendar", "time_zone", "working_hours"], description: "A business calendar."),
            "holiday": S.object("holiday", [
                "name": ["type": "string"], "date": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
                "every": ["type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$"],
                "easter": ["type": "integer", "minimum": -100, "maximum": 100],
                "from_year": ["type": "integer"], "until_year": ["type": "integer"],
            ], required: ["name"], description: "A holiday by date, every year, or relative to Easter."),
        ]
    }
}
