/// Repeatable groups: `type: group` with its own `fields` and `repeat: {min, max}`.
extension FormDecoder {
    static let groupKeys = ["id", "label", "type", "help", "when", "fields", "repeat", "item_label"]
    static let repeatKeys = ["min", "max"]
    /// The most items a group may take: it bounds the work of checking, storing and showing one answer.
    static let maximumItems = 100

    /// A `type: group` field: its item fields (plain questions, no groups inside groups) and how many items.
    func group(_ mapping: YAMLMapping) -> FieldDefinition? {
        let name = (mapping["id"].flatMap { if case .scalar(let s) = $0 { s.value } else { nil } }).map { "group '\($0)'" } ?? "group"
        let reader = MappingReader(mapping, context: name, keys: Self.groupKeys + ["required"], sink: sink)
        if reader.has("required") {
            sink.error(.keyNotForType, "'required' does not apply to a group; its 'repeat' says how many items it needs "
                       + "(min: 0 makes it optional)", at: reader.keyLocation("required"))
        }
        let id = reader.identifier("id")
        let label = reader.label("label")
        let itemFields = reader.required("fields").map { self.itemFields($0, group: name) } ?? []
        let count = reader.required("repeat").flatMap { itemCount($0, group: name) }
        guard let id, let label else { return nil }
        var group = FieldDefinition(id: id.id, label: label, type: .group, location: mapping.location)
        group.help = reader.label("help", required: false)
        group.itemLabel = reader.label("item_label", required: false)
        decodeCondition(reader, into: &group)
        group.itemFields = itemFields
        group.itemCount = count ?? 1...1
        group.required = group.itemCount.lowerBound > 0
        return group
    }

    /// The fields of each item: questions of a plain type, each id once.
    private func itemFields(_ node: YAMLNode, group: String) -> [FieldDefinition] {
        guard case .sequence(let sequence) = node, !sequence.items.isEmpty else {
            sink.error(.wrongKind, "expected a list of fields in \(group), found \(node.kindDescription)", at: node.location)
            return []
        }
        var seen: [String: SourceLocation] = [:]
        return sequence.items.compactMap { item -> FieldDefinition? in
            if case .mapping(let mapping) = item, mapping["group"] != nil {
                sink.error(.groupShape, "\(group) cannot include a field group; write its fields here", at: mapping.location)
                return nil
            }
            if case .mapping(let mapping) = item, case .scalar(let type)? = mapping["type"],
               let kind = FieldType(rawValue: type.value), !kind.isItemType {
                let message = kind == .group
                    ? "groups do not nest: \(group) cannot hold another group; give it the inner group's fields, or make that a group of the form"
                    : "a \(kind.rawValue) field cannot stand in a group; a group's fields are text, multiline, email, number, "
                        + "date, datetime, boolean or choice"
                sink.error(.groupShape, message, at: type.location)
                return nil
            }
            guard let field = field(item) else { return nil }
            if let first = seen[field.id] {
                sink.error(.duplicateID, "duplicate field id '\(field.id)' in \(group)", at: field.location, notes: [.init("first defined here", at: first)])
                return nil
            }
            seen[field.id] = field.location
            return field
        }
    }

    /// `repeat: {min, max}`: `min` from 0 (1 when left out), `max` required, from 1 to ``maximumItems``.
    private func itemCount(_ node: YAMLNode, group: String) -> ClosedRange<Int>? {
        guard let reader = MappingReader(node, context: "'repeat' of \(group)", keys: Self.repeatKeys, sink: sink) else { return nil }
        let low = reader.integer("min", required: false, range: 0...Self.maximumItems) ?? 1
        guard reader.has("max") else {
            sink.error(.missingKey, "'repeat' of \(group) needs 'max' (at most \(Self.maximumItems)): a group takes a bounded number of items",
                       at: reader.location)
            return nil
        }
        guard let high = reader.integer("max") else { return nil }
        guard (1...Self.maximumItems).contains(high) else {
            sink.error(.outOfRange, "'max' of \(group) is \(high); a group takes from 1 to \(Self.maximumItems) items", at: reader.keyLocation("max"))
            return nil
        }
        guard low <= high else {
            sink.error(.minAboveMax, "'min' (\(low)) is greater than 'max' (\(high))", at: reader.keyLocation("min"))
            return nil
        }
        return low...high
    }
}
