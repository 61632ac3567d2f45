/// Writes a YAML tree in the canonical layout of ``DefinitionFormatter``, with the file's comments.
struct LayoutEmitter {
    /// A line-owning place of the output: a mapping entry (by its key) or a list item.
    struct Anchor: Hashable {
        var line: Int
        var column: Int
        var isItem: Bool
    }

    let root: YAMLNode
    /// The document's kind (its first key), which chooses the key orders.
    let kind: String
    private var leading: [Anchor: [String]] = [:]
    private var trailing: [Anchor: [String]] = [:]
    private var footer: [String] = []
    private var lines: [String] = []

    /// Mappings written on one line (when they fit) wherever they stand, besides translations.
    static let compactPaths: [[String]] = [
        ["fields", "-", "options", "-"], ["options", "-"], ["fields", "-", "limits"], ["statuses", "*"],
        ["transitions", "-", "after"], ["transitions", "-", "notify"], ["on_create", "notify"],
        ["on_status_change", "notify"], ["on_refused", "notify"], ["survey", "expires"], ["holidays", "-"],
        ["priorities", "-", "*"], ["steps", "-", "subjects", "-"], ["steps", "-", "guidance", "-"],
        ["steps", "-", "languages", "-"], ["steps", "-", "scenarios", "-"],
    ]

    init(root: YAMLNode, comments: [CommentScanner.Comment]) {
        self.root = root
        if case .mapping(let mapping) = root, let first = mapping.entries.first { kind = first.key.value } else { kind = "" }
        var anchors: [Anchor] = []
        collectAnchors(root, path: [], indent: 0, into: &anchors)
        let ordered = anchors.sorted { ($0.line, $0.column, $0.isItem ? 0 : 1) < ($1.line, $1.column, $1.isItem ? 0 : 1) }
        for comment in comments {
            if comment.trailing {
                if let anchor = ordered.last(where: { $0.line <= comment.line }) {
                    trailing[anchor, default: []].append(comment.text)
                } else {
                    footer.append(comment.text)
                }
            } else if let anchor = ordered.first(where: { $0.line > comment.line }) {
                leading[anchor, default: []].append(comment.text)
            } else {
                footer.append(comment.text)
            }
        }
    }

    /// The whole document, ending in a newline.
    mutating func document() -> String {
        lines = []
        switch root {
        case .mapping(let mapping): mappingEntries(mapping, path: [], indent: 0)
        case .sequence(let sequence): items(sequence, path: [], indent: 0)
        case .scalar(let scalar): lines.append(ScalarStyle.inline(scalar, flow: false) ?? ScalarStyle.quoted(scalar.value))
        }
        lines += footer
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Layout decisions (shared by anchors and emission)

    /// The one-line text of a collection at `path`, when it is written on one line there.
    func inlineText(_ node: YAMLNode, path: [String], room: Int) -> String? {
        switch node {
        case .scalar: return nil
        case .sequence(let sequence):
            if sequence.items.isEmpty { return "[]" }
            guard sequence.items.allSatisfy({ if case .scalar = $0 { true } else { false } }) else { return nil }
        case .mapping(let mapping):
            if mapping.entries.isEmpty { return "{}" }
            let translations = mapping.entries.allSatisfy { LocalizedText.supportedLanguages.contains($0.key.value) }
            guard translations || Self.compactPaths.contains(where: { CanonicalKeyOrder.matches(path, $0) }) else { return nil }
        }
        guard let text = flow(node, path: path), text.unicodeScalars.count <= room else { return nil }
        return text
    }

    /// The node in flow style (`{a: b, c: [d]}`), or `nil` when one of its values cannot be.
    func flow(_ node: YAMLNode, path: [String]) -> String? {
        switch node {
        case .scalar(let scalar):
            return ScalarStyle.inline(scalar, flow: true)
        case .sequence(let sequence):
            var parts: [String] = []
            for item in sequence.items {
                guard let text = flow(item, path: path + ["-"]) else { return nil }
                parts.append(text)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .mapping(let mapping):
            var parts: [String] = []
            for entry in ordered(mapping, path: path) {
                guard let key = ScalarStyle.key(entry.key, flow: true), let value = flow(entry.value, path: path + [entry.key.value])
                else { return nil }
                parts.append("\(key): \(value)")
            }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    func ordered(_ mapping: YAMLMapping, path: [String]) -> [YAMLMapping.Entry] {
        CanonicalKeyOrder.sorted(mapping.entries, by: CanonicalKeyOrder.order(kind: kind, path: path, mapping: mapping),
                                 keepFirst: path.isEmpty)
    }

    static func room(indent: Int, prefix: String) -> Int {
        DefinitionFormatter.lineWidth - indent - prefix.unicodeScalars.count
    }

    private func collectAnchors(_ node: YAMLNode, path: [String], indent: Int, into anchors: inout [Anchor]) {
        switch node {
        case .scalar: return
        case .mapping(let mapping):
            for entry in mapping.entries {
                anchors.append(Anchor(line: entry.key.location.line, column: entry.key.location.column, isItem: false))
                let childPath = path + [entry.key.value]
                let prefix = (ScalarStyle.key(entry.key, flow: false) ?? "") + ": "
                if inlineText(entry.value, path: childPath, room: Self.room(indent: indent, prefix: prefix)) == nil {
                    collectAnchors(entry.value, path: childPath, indent: indent + 2, into: &anchors)
                }
            }
        case .sequence(let sequence):
            for item in sequence.items {
                anchors.append(Anchor(line: item.location.line, column: item.location.column, isItem: true))
                if inlineText(item, path: path + ["-"], room: Self.room(indent: indent, prefix: "- ")) == nil {
                    collectAnchors(item, path: path + ["-"], indent: indent + 2, into: &anchors)
                }
            }
        }
    }

    // MARK: - Emission

    private mutating func open(_ anchor: Anchor, indent: Int, _ text: String) {
        let pad = String(repeating: " ", count: indent)
        for comment in leading[anchor] ?? [] { lines.append(pad + comment) }
        var notes = trailing[anchor] ?? []
        lines.append(notes.isEmpty ? pad + text : pad + text + "  " + notes.removeFirst())
        // A second comment that followed the same place goes on a line of its own, just below.
        for comment in notes { lines.append(pad + "  " + comment) }
    }

    private mutating func mappingEntries(_ mapping: YAMLMapping, path: [String], indent: Int) {
        for entry in ordered(mapping, path: path) {
            let anchor = Anchor(line: entry.key.location.line, column: entry.key.location.column, isItem: false)
            let key = ScalarStyle.key(entry.key, flow: false) ?? ScalarStyle.quoted(entry.key.value)
            value(entry.value, path: path + [entry.key.value], indent: indent, prefix: key + ":", anchor: anchor)
        }
    }

    private mutating func items(_ sequence: YAMLSequence, path: [String], indent: Int) {
        for item in sequence.items {
            let anchor = Anchor(line: item.location.line, column: item.location.column, isItem: true)
            value(item, path: path + ["-"], indent: indent, prefix: "-", anchor: anchor)
        }
    }

    /// Writes `prefix` (`key:` or `-`) and `node` after it.
    private mutating func value(_ node: YAMLNode, path: [String], indent: Int, prefix: String, anchor: Anchor) {
        let room = Self.room(indent: indent, prefix: prefix + " ")
        if let inline = inlineText(node, path: path, room: room) {
            open(anchor, indent: indent, prefix + " " + inline)
            return
        }
        switch node {
        case .scalar(let scalar):
            if let inline = ScalarStyle.inline(scalar, flow: false) {
                open(anchor, indent: indent, inline.isEmpty ? prefix : prefix + " " + inline)
            } else if let block = ScalarStyle.literal(scalar.value) {
                open(anchor, indent: indent, prefix + " " + block.header)
                let pad = String(repeating: " ", count: indent + 2)
                lines += block.lines.map { $0.isEmpty ? "" : pad + $0 }
            } else {
                open(anchor, indent: indent, prefix + " " + ScalarStyle.quoted(scalar.value))
            }
        case .mapping(let mapping) where prefix == "-":
            // The item's first key goes on the line of its `-`.
            let start = lines.count
            mappingEntries(mapping, path: path, indent: indent + 2)
            lines.insert(contentsOf: (leading[anchor] ?? []).map { String(repeating: " ", count: indent) + $0 }, at: start)
            var keyLine = start
            while keyLine < lines.count, lines[keyLine].drop(while: { $0 == " " }).hasPrefix("#") { keyLine += 1 }
            guard keyLine < lines.count else { return }
            lines[keyLine] = String(repeating: " ", count: indent) + "- " + lines[keyLine].dropFirst(indent + 2)
            if let notes = trailing[anchor], !notes.isEmpty {
                lines[keyLine] += "  " + notes[0]
                lines.insert(contentsOf: notes.dropFirst().map { String(repeating: " ", count: indent + 2) + $0 }, at: keyLine + 1)
            }
        case .mapping(let mapping):
            open(anchor, indent: indent, prefix)
            mappingEntries(mapping, path: path, indent: indent + 2)
        case .sequence(let sequence):
            open(anchor, indent: indent, prefix)
            items(sequence, path: path, indent: indent + 2)
        }
    }
}
