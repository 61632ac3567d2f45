/// The values a template sees, written as flat dotted keys (`ticket.number`) and handed to Mustache
/// as nested dictionaries, so that `{{ticket.number}}` resolves.
public struct TemplateContext: Hashable, Sendable {
    /// Values by dotted key.
    public var values: [String: String]

    /// A context with these values.
    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The value of a dotted key.
    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The values nested by the dots of their keys, as Mustache walks them.
    ///
    /// When a key is both a value and a prefix of others (`a` and `a.b`), the nested one wins.
    var mustacheObject: [String: Any] {
        var root = Node()
        for (key, value) in values {
            root.insert(value, at: key.split(separator: ".").map(String.init)[...])
        }
        return root.object
    }

    /// A tree of values under construction.
    private struct Node {
        var value: String?
        var children: [String: Node] = [:]

        mutating func insert(_ newValue: String, at path: ArraySlice<String>) {
            guard let head = path.first else {
                value = newValue
                return
            }
            children[head, default: Node()].insert(newValue, at: path.dropFirst())
        }

        var object: [String: Any] {
            children.mapValues { $0.children.isEmpty ? ($0.value ?? "") as Any : $0.object as Any }
        }
    }
}
