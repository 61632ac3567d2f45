/// Schema definitions for the agent desk: teams, priorities and macros.
enum DeskSchema {
    typealias S = DefinitionSchema

    /// The keys each desk mapping accepts.
    static var acceptedKeys: [String: [String]] {
        ["teams": ["teams"], "team": DeskDecoder.teamKeys, "priorities": DeskDecoder.priorityDocumentKeys,
         "priority": DeskDecoder.levelKeys, "sla_target": DeskDecoder.targetKeys, "priority_rule": DeskDecoder.ruleKeys,
         "macros": ["macros"], "macro": MacroDecoder.macroKeys]
    }

    static var definitions: [String: JSONValue] {
        [
            "teams": S.object("teams", [
                "teams": ["type": "array", "minItems": 1, "items": S.ref("team")],
            ], required: ["teams"], description: "The agents' teams that forms route tickets to (Workflows/teams.yaml)."),
            "team": S.object("team", [
                "id": S.ref("id"), "label": S.ref("label"),
                "assign": S.enumeration(TeamDefinition.Assignment.allCases.map(\.rawValue), "how new tickets get an agent"),
                "calendar": S.ref("id"), "email": ["type": "string", "format": "email"],
            ], required: ["id", "label"], description: "A team: its label, assignment rule and the calendar its SLA clocks count in."),
            "priorities": S.object("priorities", [
                "priorities": ["type": "array", "minItems": 1, "items": S.ref("priority")],
                "default": S.ref("id"),
                "warning": ["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%$", "description": "e.g. 75%"],
                "paused_in": S.oneOrMany(S.ref("id")), "resolved_in": S.oneOrMany(S.ref("id")),
                "rules": ["type": "array", "items": S.ref("priority_rule")],
            ], required: ["priorities"], description: "The priorities, their SLA targets and the rules that choose one (first match wins)."),
            "priority": S.object("priority", [
                "id": S.ref("id"), "label": S.ref("label"),
                "first_response": S.ref("sla_target"), "next_response": S.ref("sla_target"),
            ], required: ["id", "label", "first_response"], description: "A priority and its response targets."),
            "sla_target": S.object("sla_target", [
                "working_hours": ["type": "number", "exclusiveMinimum": 0, "maximum": 100_000],
            ], required: ["working_hours"], description: "A target in working hours of the team's calendar."),
            "priority_rule": S.object("priority_rule", [
                "form": S.oneOrMany(S.ref("id")), "team": S.oneOrMany(S.ref("id")),
                "when": ["type": "string", "description": "a condition on the form's answers"], "priority": S.ref("id"),
            ], required: ["priority"], description: "Sets the priority of the tickets it matches."),
            "macros": S.object("macros", [
                "macros": ["type": "array", "minItems": 1, "items": S.ref("macro")],
            ], required: ["macros"], description: "The agents' canned replies (Workflows/macros.yaml)."),
            "macro": S.object("macro", [
                "id": S.ref("id"), "label": S.ref("label"),
                "body": [
                    "oneOf": [["type": "string"], [
                        "type": "object", "additionalProperties": false, "required": ["en"],
                        "properties": .object(Dictionary(uniqueKeysWithValues: LocalizedText.supportedLanguages.map {
                            ($0, ["type": "string"] as JSONValue)
                        })),
                    ]],
                    "description": "The reply, a Mustache template per language (requester.name, ticket.number, ticket.title, agent.name…).",
                ],
            ], required: ["id", "label", "body"], description: "A canned reply: `tickets reply N --macro ID`."),
        ]
    }
}
