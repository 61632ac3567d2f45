import FormrunnerCore

/// A text of a loaded definition with every source location left out and dictionaries and sets in
/// sorted order, so that two loads of the same definitions written differently compare equal.
enum ModelDump {
    static func dump(_ value: Any) -> String {
        if value is SourceLocation { return "@" }
        let mirror = Mirror(reflecting: value)
        let children = Array(mirror.children)
        switch mirror.displayStyle {
        case .optional:
            return children.first.map { dump($0.value) } ?? "nil"
        case .dictionary:
            let pairs = children.map { child in Mirror(reflecting: child.value).children.map { dump($0.value) }.joined(separator: ": ") }
            return "[" + pairs.sorted().joined(separator: ", ") + "]"
        case .set:
            return "{" + children.map { dump($0.value) }.sorted().joined(separator: ", ") + "}"
        case .collection, .tuple:
            return "(" + children.map { ($0.label.map { "\($0): " } ?? "") + dump($0.value) }.joined(separator: ", ") + ")"
        case .class:
            // A cache or lock inside a definition, not part of its meaning.
            return "<\(type(of: value))>"
        case .struct:
            return "{" + children.map { "\($0.label ?? "_")=\(dump($0.value))" }.joined(separator: ", ") + "}"
        case .enum:
            guard let payload = children.first else { return "\(value)" }
            return (payload.label ?? "case") + dump(payload.value)
        default:
            return "\(value)"
        }
    }

    /// The definitions of a catalog (not its sources, which differ by layout).
    static func dump(_ catalog: Catalog) -> String {
        [dump(catalog.forms), dump(catalog.optionLists), dump(catalog.fieldGroups), dump(catalog.workflows),
         dump(catalog.lifecycles), dump(catalog.calendars), dump(catalog.teams), dump(catalog.priorities as Any),
         dump(catalog.macros)].joined(separator: "\n")
    }
}
