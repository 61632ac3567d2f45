/// The JSON Schema of the definition language, generated from the decoders' own key lists and
/// vocabularies, so that the schema editors use can never drift from what the loader accepts.
///
/// `formrunner schema` prints it; `schema/formrunner.schema.json` is the committed copy the catalog
/// files point at, and a test keeps the two identical.
public enum DefinitionSchema {
    /// The whole schema.
    public static var document: JSONValue {
        [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://formrunner.dev/schema/formrunner.schema.json",
            "title": "formrunner definition",
            "description": "A form, option list, field group, entry flow, ticket life cycle, business calendar, teams, priorities or macros, or formrunner.yaml.",
            "oneOf": .array((DocumentSet.kinds + ["configuration"]).map { ["$ref": .string("#/definitions/\($0)")] }),
            "definitions": .object(definitions),
        ]
    }

    /// The keys each mapping of the language accepts, by definition name: what the decoders read.
    public static var acceptedKeys: [String: [String]] {
        [
            "form": FormDecoder.formKeys, "option_list": ["option_list", "options"],
            "field_group": ["field_group", "title", "fields"], "field": FormDecoder.fieldKeys,
            "option": FormDecoder.optionKeys, "limits": FormDecoder.limitKeys,
            "note": FormDecoder.noteKeys, "section": FormDecoder.sectionKeys, "rule": FormDecoder.ruleKeys,
            "workflow": WorkflowDecoder.workflowKeys,
            "step": WorkflowDecoder.commonStepKeys + Array(Set(WorkflowDecoder.stepKeys.values.flatMap { $0 })).sorted(),
            "lifecycle": LifecycleDecoder.lifecycleKeys, "status": LifecycleDecoder.statusKeys,
            "transition": LifecycleDecoder.transitionKeys, "timer": LifecycleDecoder.timerKeys,
            "survey": LifecycleDecoder.surveyKeys, "survey_expiry": LifecycleDecoder.surveyExpiryKeys,
            "calendar": CalendarDecoder.calendarKeys, "holiday": CalendarDecoder.holidayKeys,
        ].merging(ConfigurationSchema.acceptedKeys) { first, _ in first }
            .merging(DeskSchema.acceptedKeys) { first, _ in first }
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/definitions/\(name)")] }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    static func enumeration(_ values: [String], _ description: String) -> JSONValue {
        ["type": "string", "enum": strings(values), "description": .string(description)]
    }

    static func oneOrMany(_ item: JSONValue) -> JSONValue {
        ["oneOf": [item, ["type": "array", "items": item]]]
    }

    /// A closed object: `properties` must name exactly the keys the decoder accepts.
    static func object(_ name: String, _ properties: [String: JSONValue], required: [String] = [],
                       description: String) -> JSONValue {
        precondition(Set(properties.keys) == Set(acceptedKeys[name] ?? []), "schema of '\(name)' drifted from its decoder")
        var schema: [String: JSONValue] = [
            "type": "object", "additionalProperties": false, "properties": .object(properties),
            "description": .string(description),
        ]
        if !required.isEmpty { schema["required"] = strings(required) }
        return .object(schema)
    }

    static var definitions: [String: JSONValue] {
        var all: [String: JSONValue] = [
            "id": ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$", "maxLength": 100],
            "label": ["oneOf": [
                ["type": "string", "minLength": 1],
                ["type": "object", "required": ["en"], "additionalProperties": false,
                 "properties": .object(Dictionary(uniqueKeysWithValues: LocalizedText.supportedLanguages.map {
                     ($0, ["type": "string", "minLength": 1] as JSONValue)
                 }))],
            ], "description": "Text, or translations {en, pt, es}; en is required and is the fallback."],
            "size": ["oneOf": [["type": "integer", "minimum": 1], ["type": "string", "pattern": "^[0-9]+ ?(B|KB|MB|GB)?$"]]],
            "duration": ["type": ["string", "number"], "exclusiveMinimum": 0,
                         "pattern": "^\\s*(0|[1-9][0-9]*)(\\.[0-9]+)?([mM][sS]|[sSmMhH])?\\s*$",
                         "description": "500ms, 30s, 10m, 2h, or plain seconds such as 2.5"],
            "actor": enumeration(Actor.allCases.map(\.rawValue), "who fires an event or receives a message"),
            "notify": ["oneOf": [
                ref("actor"),
                ["type": "array", "items": ref("actor")],
                ["type": "object", "additionalProperties": false,
                 "properties": ["requester": ref("id"), "agent": ref("id")],
                 "description": "recipient → template name in Workflows/templates/"],
            ]],
            "hook": ["type": "object", "additionalProperties": false, "required": ["notify"],
                     "properties": ["notify": ref("notify")]],
        ]
        all.merge(FormSchema.definitions) { first, _ in first }
        all.merge(FlowSchema.definitions) { first, _ in first }
        all.merge(ConfigurationSchema.definitions) { first, _ in first }
        all.merge(DeskSchema.definitions) { first, _ in first }
        return all
    }
}
