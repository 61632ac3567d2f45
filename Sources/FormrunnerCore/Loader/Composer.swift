import CYaml

/// Builds a ``YAMLNode`` tree from libyaml's events, with formrunner's rules and limits.
struct Composer {
    let path: String
    let limits: YAMLReader.Limits
    let purpose: YAMLReader.Purpose
    private(set) var diagnostics: [Diagnostic] = []
    /// The line a YAML syntax error broke on (where the broken token starts, when libyaml knows),
    /// or `nil` when the text was read or stopped for another reason; see ``YAMLRecovery``.
    private(set) var syntaxErrorLine: Int?
    private var nodeCount = 0
    /// Turns libyaml's scalar offsets into lines and columns (libyaml's own line count also
    /// breaks at NEL, U+2028 and U+2029).
    private var lines = LineTable("")
    /// The text being composed, for turning libyaml's byte offsets into scalar offsets.
    private var text = ""

    init(path: String, limits: YAMLReader.Limits, purpose: YAMLReader.Purpose = .definitions) {
        self.path = path
        self.limits = limits
        self.purpose = purpose
    }

    /// Thrown inside the composer to stop at the first problem that makes the rest unreadable.
    private struct Stop: Error {}

    /// A mapping or list being built. A class, so that adding to it never copies what it holds:
    /// with values popped and pushed back, every key copied the whole mapping (quadratic time for
    /// a file of 20,000 keys — `validate` ran for minutes).
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        /// A list's items so far.
        var items: [YAMLNode] = []
        /// A mapping's entries so far, the key waiting for its value, and where each key was first written.
        var entries: [YAMLMapping.Entry] = []
        var pendingKey: YAMLScalar?
        var seen: [String: SourceLocation] = [:]

        init(mapping: Bool, at location: SourceLocation) {
            isMapping = mapping
            self.location = location
        }

        var node: YAMLNode {
            isMapping ? .mapping(YAMLMapping(entries: entries, location: location))
                : .sequence(YAMLSequence(items: items, location: location))
        }
    }

    /// Composes the single document in `text`; `nil` when it cannot be read (see ``diagnostics``).
    mutating func compose(_ text: String) -> YAMLNode? {
        lines = LineTable(text)
        self.text = text
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("could not start the YAML parser", at: location(ofScalar: 0), code: .yamlSyntax))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { utf8 = [0x0A] }
        return utf8.withUnsafeBufferPointer { buffer -> YAMLNode? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do {
                return try run(&parser)
            } catch {
                return nil
            }
        }
    }

    private mutating func run(_ parser: inout yaml_parser_t) throws -> YAMLNode? {
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                throw Stop()
            }
            defer { yaml_event_delete(&event) }
            let mark = location(of: event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if documents == 0 {
                    diagnostics.append(.error(purpose.emptyMessage, at: location(ofScalar: 0), code: .documentShape))
                }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(.error(purpose.severalDocumentsMessage, at: mark, code: .documentShape))
                    throw Stop()
                }
            case YAML_ALIAS_EVENT:
                diagnostics.append(.error(purpose.aliasMessage, at: mark, code: .aliasOrTag))
                throw Stop()
            case YAML_SCALAR_EVENT:
                try checkAnchorAndTag(anchor: event.data.scalar.anchor, tag: event.data.scalar.tag,
                                      implicit: event.data.scalar.plain_implicit == 1 || event.data.scalar.quoted_implicit == 1,
                                      at: mark)
                let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value,
                                                                 count: Int(event.data.scalar.length)), as: UTF8.self)
                var scalar = YAMLScalar(value: value, style: Self.style(event.data.scalar.style), location: mark)
                scalar.end = location(of: event.end_mark)
                try countNode(at: mark)
                try attach(.scalar(scalar), to: &stack, root: &root)
            case YAML_SEQUENCE_START_EVENT:
                try checkAnchorAndTag(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag,
                                      implicit: event.data.sequence_start.implicit == 1, at: mark)
                try countNode(at: mark)
                try push(Frame(mapping: false, at: mark), onto: &stack, at: mark)
            case YAML_MAPPING_START_EVENT:
                try checkAnchorAndTag(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag,
                                      implicit: event.data.mapping_start.implicit == 1, at: mark)
                try countNode(at: mark)
                try push(Frame(mapping: true, at: mark), onto: &stack, at: mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                try attach(frame.node, to: &stack, root: &root)
            default:
                continue
            }
        }
    }

    private mutating func push(_ frame: Frame, onto stack: inout [Frame], at mark: SourceLocation) throws {
        if stack.count >= limits.maximumDepth {
            diagnostics.append(.error("nesting is too deep (more than \(limits.maximumDepth) levels)", at: mark, code: .fileLimit))
            throw Stop()
        }
        stack.append(frame)
    }

    private mutating func countNode(at mark: SourceLocation) throws {
        nodeCount += 1
        if nodeCount > limits.maximumNodes {
            diagnostics.append(.error("file has too many values (more than \(limits.maximumNodes))", at: mark, code: .fileLimit))
            throw Stop()
        }
    }

    private mutating func attach(_ node: YAMLNode, to stack: inout [Frame], root: inout YAMLNode?) throws {
        guard let top = stack.last else {
            root = node
            return
        }
        if !top.isMapping {
            top.items.append(node)
        } else if let key = top.pendingKey {
            if let first = top.seen[key.value] {
                diagnostics.append(.error("duplicate key '\(key.value)'", at: key.location,
                                          notes: [.init("first written here", at: first)], code: .duplicateKey))
            } else {
                top.seen[key.value] = key.location
                top.entries.append(.init(key: key, value: node))
            }
            top.pendingKey = nil
        } else {
            guard case .scalar(let key) = node else {
                diagnostics.append(.error("a key must be plain text, not \(node.kindDescription)", at: node.location, code: .documentShape))
                throw Stop()
            }
            top.pendingKey = key
        }
    }

    private mutating func checkAnchorAndTag(anchor: UnsafeMutablePointer<yaml_char_t>?,
                                            tag: UnsafeMutablePointer<yaml_char_t>?,
                                            implicit: Bool, at mark: SourceLocation) throws {
        if anchor != nil {
            diagnostics.append(.error(purpose.aliasMessage, at: mark, code: .aliasOrTag))
            throw Stop()
        }
        if let tag, !implicit {
            let name = String(cString: UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self))
            diagnostics.append(.error("YAML tags such as '\(name)' are not allowed in \(purpose.plural); write the value plainly",
                                      at: mark, code: .aliasOrTag))
            throw Stop()
        }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        var message = "invalid YAML: \(problem)"
        var notes: [Diagnostic.Note] = []
        if let context = parser.context {
            notes.append(.init(String(cString: context),
                               at: location(of: parser.context_mark)))
        }
        var code = DiagnosticCode.yamlSyntax
        if parser.error == YAML_READER_ERROR {
            message = "invalid characters in file: \(problem)"
            code = .encoding
        }
        if problem.contains("nesting level") {
            message = "nesting is too deep (more than \(limits.maximumDepth) levels)"
            notes = []
            code = .fileLimit
        }
        // A reader error (a control character, say) has no mark, only the offset of its byte.
        let mark = parser.error == YAML_READER_ERROR
            ? location(ofScalar: scalarOffset(ofByte: parser.problem_offset))
            : location(of: parser.problem_mark)
        diagnostics.append(.error(message, at: mark, notes: notes, code: code))
        if code == .yamlSyntax {
            // A scanner's context is where the broken token starts (the opening quote); a parser's
            // is the collection around it, which says nothing about which line broke.
            let scanning = parser.context.map { String(cString: $0).hasPrefix("while scanning") } ?? false
            syntaxErrorLine = scanning ? location(of: parser.context_mark).line : mark.line
        }
    }

    /// Where libyaml's `mark` is, by its scalar offset (see ``LineTable``).
    private func location(of mark: yaml_mark_t) -> SourceLocation {
        location(ofScalar: mark.index)
    }

    /// The number of Unicode scalars in the first `offset` bytes of the UTF-8 text.
    private func scalarOffset(ofByte offset: Int) -> Int {
        var bytes = 0, scalars = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > offset { break }
            scalars += 1
        }
        return scalars
    }

    private func location(ofScalar offset: Int) -> SourceLocation {
        let position = lines.position(ofScalar: offset)
        return SourceLocation(file: path, line: position.line, column: position.column)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
