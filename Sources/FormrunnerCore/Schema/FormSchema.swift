/// Schema definitions for forms, option lists and field groups.
enum FormSchema {
    typealias S = DefinitionSchema

    static var definitions: [String: JSONValue] {
        [
            "form": S.object("form", [
                "form": S.ref("id"), "version": ["type": "integer", "minimum": 1], "title": S.ref("label"),
                "team": S.ref("id"), "description": S.ref("label"), "lifecycle": S.ref("id"),
                "fields": ["type": "array", "minItems": 1, "items": S.ref("field_item")],
                "sections": ["type": "array", "minItems": 1, "items": S.ref("section")],
                "rules": ["type": "array", "items": S.ref("rule")],
            ], required: ["form", "version", "title", "team"], description: "A form: the questions of one request type."),
            "section": S.object("section", [
                "title": S.ref("label"), "help": S.ref("label"),
                "when": ["type": "string", "description": "a condition on fields asked before the section"],
                "fields": ["type": "array", "minItems": 1, "items": S.ref("field_item")],
            ], required: ["title", "fields"], description: "A titled part of a form, with its own fields."),
            "rule": S.object("rule", [
                "check": ["type": "string", "description": "a condition the answers must satisfy (end_date >= start_date)"],
                "message": S.ref("label"), "field": S.ref("id"),
            ], required: ["check", "message"], description: "A rule across fields, with the message shown at its field."),
            "note": S.object("note", [
                "id": S.ref("id"), "type": S.enumeration(["note"], "a note: Markdown shown, never asked"),
                "text": S.ref("label"), "when": ["type": "string", "description": "a condition on fields asked before this note"],
            ], required: ["type", "text"], description: "Markdown text shown between questions."),
            "option_list": S.object("option_list", ["option_list": S.ref("id"), "options": S.ref("options")],
                                    required: ["option_list", "options"], description: "Options shared by several fields."),
            "field_group": S.object("field_group", [
                "field_group": S.ref("id"), "title": S.ref("label"),
                "fields": ["type": "array", "minItems": 1, "items": S.ref("field_item")],
            ], required: ["field_group", "fields"], description: "Fields shared by several forms or flows."),
            "field_item": ["oneOf": [
                S.ref("field"), S.ref("note"),
                ["type": "object", "additionalProperties": false, "required": ["group"], "properties": ["group": S.ref("id")]],
            ]],
            "field": S.object("field", [
                "id": S.ref("id"), "label": S.ref("label"),
                "type": S.enumeration(FieldType.allCases.filter(\.isQuestion).map(\.rawValue), "the kind of answer"),
                "help": S.ref("label"), "required": ["type": "boolean"], "default": [:],
                "when": ["type": "string", "description": "a condition on fields asked before this one"],
                "placeholder": S.ref("label"),
                "options": ["oneOf": [S.ref("options"), S.ref("id")]],
                "min": ["type": ["number", "string"]], "max": ["type": ["number", "string"]],
                "pattern": ["type": "string", "description": "a regular expression the whole answer must match"],
                "pattern_message": S.ref("label"),
                "format": S.enumeration(TextFormat.allCases.map(\.rawValue), "the shape of a text answer"),
                "must_be": ["type": "boolean", "description": "the only answer accepted (an I-agree box)"],
                "min_length": ["type": "integer", "minimum": 0], "max_length": ["type": "integer", "minimum": 1],
                "min_words": ["type": "integer", "minimum": 1],
                "limits": S.ref("limits"),
            ], required: ["id", "label", "type"], description: "One question."),
            "options": ["type": "array", "minItems": 1, "items": S.ref("option")],
            "option": S.object("option", ["id": S.ref("id"), "label": S.ref("label"), "help": S.ref("label"),
                                          "required": ["type": "boolean", "description": "a multichoice answer must include it"]],
                               required: ["id", "label"], description: "An option with a stable id."),
            "limits": S.object("limits", [
                "count": ["type": "integer", "minimum": 1, "maximum": 1000], "size": S.ref("size"),
                "types": ["type": "array", "items": ["type": "string"]],
            ], description: "How many files, how large, of which types."),
        ]
    }
}
