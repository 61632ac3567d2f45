/// Rewrites a definition file in formrunner's one canonical layout, for `formrunner fmt`:
///
/// - two-space indentation, block mappings, lists indented under their key (`fields:` / `  - id: …`);
/// - keys in the order of the language's reference (``CanonicalKeyOrder``), unknown keys after them;
/// - a mapping or list of plain values on one line (`{id: a, label: A}`, `[en, pt]`) when it fits
///   in ``lineWidth`` columns, else one entry per line;
/// - text plain when YAML reads it back the same and it cannot pass for a number, a boolean or
///   nothing, else in double quotes (single quotes when it holds a `"`); several lines as a `|` block;
/// - comments kept: a comment on its own line stays above the key or item that follows it, a comment
///   after a value stays at the end of that key's line. Blank lines are not kept.
///
/// It never changes meaning: the result is read back and compared, node by node, with the file
/// (values, and whether each was plain, since `version: 1` and `version: "1"` differ), and its
/// comments with the file's; a file that would differ is refused, not written.
public struct DefinitionFormatter: Sendable {
    /// What formatting one file gave.
    public enum Outcome: Sendable, Equatable {
        /// The file in canonical layout (the same text when it already was).
        case formatted(String)
        /// The file cannot be formatted; the message says why (with its line and column).
        case refused(String)
    }

    /// The widest line a one-line mapping or list may make.
    public static let lineWidth = 100

    public init() {}

    /// Formats `text`, the contents of `path`.
    public func format(_ text: String, path: String) -> Outcome {
        let read = YAMLReader().read(text, path: path)
        if let problem = read.diagnostics.first(where: { $0.severity == .error }) {
            return .refused("\(problem.headline); fix it first (formrunner validate shows every problem)")
        }
        guard let root = read.root else { return .refused("\(path): nothing to format") }
        let comments = CommentScanner.comments(in: text, root: root)
        var emitter = LayoutEmitter(root: root, comments: comments)
        let output = emitter.document()
        let again = YAMLReader().read(output, path: path)
        guard again.diagnostics.isEmpty, let reread = again.root, Self.sameMeaning(root, reread),
              CommentScanner.comments(in: output, root: reread).map(\.text).sorted() == comments.map(\.text).sorted() else {
            return .refused("\(path): formrunner fmt could not keep this file's meaning or comments in its layout; "
                            + "it was left unchanged (please report it)")
        }
        return .formatted(output)
    }

    /// Whether two trees hold the same values: mappings with the same keys and values (in any
    /// order), lists in the same order, scalars with the same text and the same plainness.
    static func sameMeaning(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            // Plain or quoted matters only where the language reads a plain scalar as more than text.
            let typed = x.isNull || y.isNull || ScalarStyle.looksTyped(x.value)
            return x.value == y.value && (!typed || (x.style == .plain) == (y.style == .plain))
        case let (.sequence(x), .sequence(y)):
            return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { sameMeaning($0, $1) }
        case let (.mapping(x), .mapping(y)):
            guard x.entries.count == y.entries.count else { return false }
            return x.entries.allSatisfy { entry in
                y.entry(entry.key.value).map { sameMeaning(entry.value, $0.value) } ?? false
            }
        default:
            return false
        }
    }
}
