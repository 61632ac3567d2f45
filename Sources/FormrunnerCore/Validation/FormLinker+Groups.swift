/// The conditions inside a repeatable group: each reads only the fields before it in the same item.
extension FormLinker {
    /// Type-checks the `when:` of each of `group`'s item fields against the item fields before it;
    /// a field of the form outside the group (`outer`) gets its own message.
    func checkItemConditions(of group: FieldDefinition, outer: Set<String>) {
        var visible: [String: ConditionFieldType] = [:]
        let siblings = Set(group.itemFields.map(\.id))
        for field in group.itemFields {
            if let condition = field.condition, let start = field.conditionLocation {
                checkRequiredWhen(field, at: start)
                let owner = "'\(field.id)' in group '\(group.id)'"
                var errors: [ConditionError] = []
                for error in condition.typeCheck(fields: visible) {
                    if let name = Self.unknownName(in: error, of: condition), !siblings.contains(name), outer.contains(name) {
                        sink.error(.conditionType, "condition of \(owner) uses '\(name)', which is outside the group; a condition inside a group "
                                   + "reads only the fields before it in the same item", at: start.advanced(by: error.offset))
                    } else {
                        errors.append(error)
                    }
                }
                report(errors, of: condition, at: start, owner: owner, all: siblings, visible: visible, notes: group.itemFields)
            }
            visible[field.id] = field.type.conditionType(options: field.options.map(\.id))
        }
    }

    /// The field id an "unknown field" error is about.
    static func unknownName(in error: ConditionError, of condition: Condition) -> String? {
        let scalars = Array(condition.source.unicodeScalars)
        guard error.message.hasPrefix("unknown field"), error.offset >= 0, error.offset + error.length <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[error.offset..<error.offset + error.length]))
    }
}
