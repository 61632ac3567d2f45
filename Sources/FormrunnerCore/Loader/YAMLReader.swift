import CYaml
import Foundation

/// Reads one definition (or answers) file into a ``YAMLNode`` tree, refusing everything that could mislead an
/// author or hurt the machine.
///
/// It drives libyaml's event parser (the one Yams bundles) directly, so that it can:
/// - reject anchors and aliases at the first one seen, before any tree is built (an alias bomb
///   costs linear time, never exponential);
/// - report each duplicate key at the duplicate, with a note pointing at the first;
/// - bound nesting depth and node count;
/// - keep every scalar as the text that was written (no YAML 1.1 coercions).
public struct YAMLReader: Sendable {
    /// Limits that keep hostile files cheap to refuse.
    public struct Limits: Sendable {
        /// Largest file accepted, in bytes.
        public var maximumBytes: Int = 1 << 20
        /// Deepest nesting of mappings and lists.
        public var maximumDepth: Int = 32
        /// Most nodes in one file.
        public var maximumNodes: Int = 200_000

        public init() {}
    }

    public var limits: Limits
    /// What the files are for, which the messages name.
    public var purpose: Purpose

    /// A reader with `limits`, whose messages speak of `purpose` (definitions by default).
    public init(limits: Limits = Limits(), purpose: Purpose = .definitions) {
        self.limits = limits
        self.purpose = purpose
    }

    /// The result of reading a file: its text (for excerpts), its root node when it could be read,
    /// and every problem found.
    public struct Result: Sendable {
        public var text: String
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
        /// The parts left out after a syntax error so that the rest could be read (see ``YAMLRecovery``).
        var unreadable: [YAMLRecovery.Unreadable] = []
    }

    /// Reads raw bytes that came from `path`.
    public func read(_ data: Data, path: String) -> Result {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if data.count > limits.maximumBytes {
            return Result(text: "", root: nil, diagnostics: [.error(
                "file is too large (\(data.count) bytes; \(purpose.plural) are limited to \(limits.maximumBytes) bytes)",
                at: start, code: .fileLimit)])
        }
        var bytes = data
        if let encoding = Self.wideEncoding(of: bytes) {
            return Result(text: "", root: nil, diagnostics: [.error(
                "file is \(encoding); \(purpose.plural) must be saved as UTF-8", at: start, code: .encoding)])
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            let before = String(decoding: bytes.prefix(offset), as: UTF8.self)
            let position = LineTable(before).position(ofScalar: before.unicodeScalars.count)
            let byte = String(bytes[bytes.startIndex + offset], radix: 16, uppercase: true)
            return Result(text: String(decoding: bytes, as: UTF8.self), root: nil, diagnostics: [.error(
                "file is not valid UTF-8 (byte 0x\(byte) at offset \(offset)); \(purpose.plural) must be saved as UTF-8",
                at: SourceLocation(file: path, line: position.line, column: position.column), code: .encoding)])
        }
        return read(text, path: path)
    }

    /// Reads text that came from `path`.
    public func read(_ text: String, path: String) -> Result {
        var diagnostics = Self.tabIndentation(in: text, path: path)
        if let offset = text.unicodeScalars.firstIndex(of: "\0") {
            let position = LineTable(text).position(ofScalar: text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset))
            diagnostics.append(.error("file contains a NUL character; is it a binary file?",
                                      at: SourceLocation(file: path, line: position.line, column: position.column), code: .encoding))
        }
        guard diagnostics.isEmpty else { return Result(text: text, root: nil, diagnostics: diagnostics) }
        var composer = Composer(path: path, limits: limits, purpose: purpose)
        let root = composer.compose(text)
        guard root == nil, let line = composer.syntaxErrorLine else {
            return Result(text: text, root: root, diagnostics: composer.diagnostics)
        }
        diagnostics = composer.diagnostics
        var brokenLine = line
        // A quote left open reads on to the next quote, maybe many lines later, where libyaml stops:
        // the error belongs where the quote opens.
        if let quote = YAMLRecovery.unclosedQuote(in: YAMLRecovery.lines(of: text), upTo: line), let stop = diagnostics.popLast() {
            let problem = stop.message.hasPrefix("invalid YAML: ") ? String(stop.message.dropFirst("invalid YAML: ".count)) : stop.message
            diagnostics.append(.error("invalid YAML: the quoted text that starts here is not closed on its line",
                                      at: SourceLocation(file: path, line: quote.line, column: quote.column),
                                      notes: [.init("the YAML reader stopped here: \(problem)", at: stop.location)], code: .yamlSyntax))
            brokenLine = quote.line
        }
        let recovered = YAMLRecovery(path: path, limits: limits, purpose: purpose)
            .recover(text, brokenAt: brokenLine, reported: diagnostics)
        return Result(text: text, root: recovered.root, diagnostics: diagnostics + recovered.diagnostics,
                      unreadable: recovered.unreadable)
    }

    /// "UTF-32" or "UTF-16" when `bytes` start with that encoding's byte-order mark (UTF-32's
    /// little-endian mark starts like UTF-16's, so it is looked for first), or when the first
    /// character is ASCII written in it without a mark; nil otherwise.
    static func wideEncoding(of bytes: Data) -> String? {
        let head = [UInt8](bytes.prefix(4))
        if head == [0xFF, 0xFE, 0, 0] || head == [0, 0, 0xFE, 0xFF] { return "UTF-32" }
        if head.count == 4, head[1] == 0, head[2] == 0, head[3] == 0, head[0] != 0 { return "UTF-32" }
        if head.count == 4, head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// An error for each line whose indentation contains a tab.
    static func tabIndentation(in text: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var lineNumber = 0
        // `\r\n` is one Character, so splitting at "\n" alone would see a CRLF file as one line.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var column = 0
            for scalar in line.unicodeScalars {
                column += 1
                if scalar == " " { continue }
                if scalar == "\t" {
                    let rest = line.unicodeScalars.dropFirst(column).filter { $0 != " " && $0 != "\t" && $0 != "\r" }
                    if !rest.isEmpty {
                        found.append(.error("tab used for indentation; YAML indents with spaces only",
                                            at: SourceLocation(file: path, line: lineNumber, column: column), code: .tabIndentation))
                    }
                }
                break
            }
        }
        return found
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: Data) -> Int {
        let array = [UInt8](bytes)
        var index = 0
        while index < array.count {
            let lead = array[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= array.count,
                  String(validating: array[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return index
    }
}
