/// What the loader can tell about a `pattern:` without running it: whether it nests one unbounded
/// repetition directly inside another (`(a+)+`, `(\w+\s?)*`, which backtrack exponentially on some
/// answers), and the fewest characters an answer matching it has.
///
/// The reading is deliberately simple: anything it does not understand (backreferences, unusual
/// escapes) makes the minimum length unknown rather than wrong.
struct RegexShape {
    indirect enum Node {
        /// One character, or `width` 0 for an anchor or a look-around.
        case atom(width: Int)
        /// Something whose length cannot be told (a backreference).
        case opaque
        case sequence([Node])
        case alternation([Node])
        /// `body` repeated `min` to `max` (nil: unbounded) times; `text` as written.
        case repetition(Node, min: Int, max: Int?, text: String)
        case group(Node, text: String)
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// The shape of `pattern`, or nil when it cannot be read (the compiler reports the syntax).
    static func parse(_ pattern: String) -> Node? {
        var reader = RegexShape(scalars: Array(pattern.unicodeScalars))
        let node = reader.alternation()
        return reader.index == reader.scalars.count ? node : nil
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func alternation() -> Node {
        var branches = [sequence()]
        while current == "|" {
            index += 1
            branches.append(sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() -> Node {
        var items: [Node] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let start = index
            var node = atom()
            node = quantified(node, from: start)
            items.append(node)
        }
        return .sequence(items)
    }

    private mutating func atom() -> Node {
        guard let scalar = current else { return .atom(width: 0) }
        index += 1
        switch scalar {
        case "^", "$": return .atom(width: 0)
        case "\\": return escape()
        case "[":
            var depth = 1
            if current == "^" { index += 1 }
            if current == "]" { index += 1 }
            while let next = current, depth > 0 {
                index += next == "\\" ? 2 : 1
                if next == "[" { depth += 1 } else if next == "]" { depth -= 1 }
            }
            return .atom(width: 1)
        case "(":
            let start = index - 1
            var lookaround = false
            if current == "?" {
                index += 1
                if let kind = current, "=!".unicodeScalars.contains(kind) { lookaround = true; index += 1 }
                else if current == "<", index + 1 < scalars.count, "=!".unicodeScalars.contains(scalars[index + 1]) { lookaround = true; index += 2 }
                else { while let next = current, next != ":", next != ")", next != ">" { index += 1 }; if current != ")" { index += 1 } }
            }
            let body = alternation()
            if current == ")" { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<min(index, scalars.count)]))
            return lookaround ? .atom(width: 0) : .group(body, text: text)
        default:
            return .atom(width: 1)
        }
    }

    private mutating func escape() -> Node {
        guard let scalar = current else { return .atom(width: 1) }
        index += 1
        if "bBAzZG".unicodeScalars.contains(scalar) { return .atom(width: 0) }
        if ("1"..."9").contains(scalar) || scalar == "k" { return .opaque }
        if scalar == "p" || scalar == "P" || scalar == "x" || scalar == "N", current == "{" {
            while let next = current, next != "}" { index += 1 }
            index += 1
        }
        return .atom(width: 1)
    }

    private mutating func quantified(_ node: Node, from start: Int) -> Node {
        var node = node
        while let scalar = current {
            var low = 0, high: Int? = nil
            switch scalar {
            case "*": index += 1
            case "+": index += 1; low = 1
            case "?": index += 1; high = 1
            case "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return node }
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count <= 2, let first = Int(parts[0]) else { return node }
                low = first
                high = parts.count == 1 ? first : (parts[1].isEmpty ? nil : Int(parts[1]))
                index = close + 1
            default:
                return node
            }
            if let lazy = current, lazy == "?" || lazy == "+" { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            node = .repetition(node, min: low, max: high, text: text)
        }
        return node
    }

    /// The fewest characters a match has; nil when it cannot be told.
    static func minimumLength(_ node: Node) -> Int? {
        switch node {
        case .atom(let width): return width
        case .opaque: return nil
        case .sequence(let items):
            var total = 0
            for item in items {
                guard let length = minimumLength(item) else { return nil }
                total += length
            }
            return total
        case .alternation(let branches):
            let lengths = branches.map(minimumLength)
            return lengths.contains(where: { $0 == nil }) ? nil : lengths.compactMap { $0 }.min()
        case .repetition(let body, let low, _, _): return minimumLength(body).map { $0 * low }
        case .group(let body, _): return minimumLength(body)
        }
    }

    /// The first repetition (as written) that repeats, without bound, something that is itself
    /// nothing but an unbounded repetition plus optional parts: `(a+)+`, `(\w+\s?)*`.
    static func nestedRepetition(_ node: Node) -> String? {
        switch node {
        case .atom, .opaque: return nil
        case .sequence(let items), .alternation(let items): return items.lazy.compactMap(nestedRepetition).first
        case .group(let body, _): return nestedRepetition(body)
        case .repetition(let body, _, let high, let text):
            if high == nil || (high ?? 0) > 1, isBareRepetition(body) { return text }
            return nestedRepetition(body)
        }
    }

    /// Whether `node` can match through one unbounded repetition alone (everything else optional).
    private static func isBareRepetition(_ node: Node) -> Bool {
        switch node {
        case .atom, .opaque: return false
        case .repetition(_, _, let high, _): return high == nil
        case .group(let body, _): return isBareRepetition(body)
        case .alternation(let branches): return branches.contains(where: isBareRepetition)
        case .sequence(let items):
            guard let repeated = items.firstIndex(where: isBareRepetition) else { return false }
            return items.enumerated().allSatisfy { $0.offset == repeated || minimumLength($0.element) == 0 }
        }
    }
}
