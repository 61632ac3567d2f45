import Foundation
import FormrunnerCore

/// The subject and plain-text body of a rendered template.
public struct RenderedEmail: Hashable, Sendable {
    /// One line: never contains CR, LF or other control characters.
    public var subject: String
    /// Plain text with `\n` line ends, ending with exactly one newline.
    public var body: String

    /// Makes a subject safe for a header and a body uniform.
    public init(subject: String, body: String) {
        self.subject = Self.headerSafe(subject)
        self.body = Self.normalizedBody(body)
    }

    /// An e-mail whose body is tidy already (as ``normalizedBody(_:)`` would leave it), e.g. spliced
    /// from a ``MessageStencil`` whose text was tidied once: only the subject is made safe.
    init(subject: String, tidyBody: String) {
        self.subject = Self.headerSafe(subject)
        self.body = tidyBody
    }

    /// `text` on one line: each line break (CR, LF, CRLF, U+2028…) and every other control character
    /// becomes a space, so text from users can never start a new header.
    public static func headerSafe(_ text: String) -> String {
        // Printable ASCII (most subjects) has no line break or control character to replace.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return QuickTrim.whitespaces(text) }
        var result = ""
        for character in text {
            let isControl = character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            result.append(character.isNewline || isControl ? " " : character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// `\n` line ends, no trailing blank lines, one final newline.
    static func normalizedBody(_ text: String) -> String {
        var text = text
        // Most bodies have no CR: skip Foundation's replacing, a quarter of rendering a message.
        if Self.containsCarriageReturn(text) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        while let last = text.last, last == "\n" || last == " " || last == "\t" { text.removeLast() }
        return text + "\n"
    }

    /// Whether `text` has a CR byte: searched by `memchr` in the string's contiguous UTF-8 (every
    /// native string's), a byte at a time through the view only for a bridged one.
    static func containsCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(UInt8(ascii: "\r")), bytes.count) != nil
        } ?? text.utf8.contains(UInt8(ascii: "\r"))
    }
}
