import Foundation
import FormrunnerCore

/// A ticket e-mail rendered once for every ticket that differs only in its number, title and
/// requester, then filled per ticket by splicing those values in: a tick closing thousands of
/// tickets renders the `closed` template once, not once per ticket.
///
/// A stencil is made by rendering the template with markers in place of the spliced values and
/// cutting the text at the markers. It is kept only when splicing is exactly rendering: the text
/// spliced with a second set of values must equal the template rendered with them, and so must the
/// text spliced for the first real ticket; a template whose tags call functions (`uppercased(…)`)
/// gets no stencil. Otherwise (see ``MessageRenderer``) every message is rendered in full.
struct MessageStencil: Sendable {
    /// The context keys whose values are spliced in, in the order of ``fill(_:)``'s values.
    static let splicedKeys = ["ticket.number", "ticket.title", "requester.name", "requester.email"]

    /// What the rendered text depends on besides the spliced values.
    ///
    /// Its hash is worked out once, when it is made, and compared before anything else: the stencils'
    /// table compares the key it is asked for with the key in each bucket it probes — for each e-mail,
    /// mostly with keys that differ.
    struct Key: Hashable, Sendable {
        /// The template's name and the language it is rendered in.
        let template: String
        let language: String
        /// The context without the spliced keys, the survey link and the life cycle variables: its
        /// values by ``MessageRenderer/sharedNames`` (`nil`: not set), compared and hashed in order
        /// instead of key by key as a dictionary's would be.
        let shared: [String?]
        /// The life cycle variables' sources, rendered with the context.
        let variables: [String: String]
        /// The hash of the four above.
        private let hash: Int

        init(template: String, language: String, shared: [String?], variables: [String: String]) {
            self.template = template
            self.language = language
            self.shared = shared
            self.variables = variables
            var hasher = Hasher()
            hasher.combine(template)
            hasher.combine(language)
            hasher.combine(shared)
            hasher.combine(variables)
            hash = hasher.finalize()
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.template == rhs.template && lhs.language == rhs.language
                && lhs.shared == rhs.shared && lhs.variables == rhs.variables
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }

    /// Literal text, or where the spliced value at this index of ``splicedKeys`` goes.
    private enum Piece: Sendable, Equatable {
        case text(String)
        case value(Int)
    }

    private let subject: [Piece]
    private let body: [Piece]
    /// ``body`` as ``RenderedEmail`` tidies it, for values without a CR: its last piece, literal text,
    /// trimmed of the trailing blank lines and ended with one newline once, here, instead of the
    /// spliced body being trimmed and copied again for each e-mail; `nil` when the body's literal text
    /// has a CR or its last piece is not literal text with more than white space.
    private let tidyBody: [Piece]?

    /// The stencil of `raw` (the template's subject and body as Mustache renders them, before
    /// ``RenderedEmail`` tidies them) rendered with ``markers``.
    private init(raw: (subject: String, body: String)) {
        subject = Self.pieces(of: raw.subject)
        body = Self.pieces(of: raw.body)
        tidyBody = Self.tidied(body)
    }

    /// `pieces` with their last, literal, piece ending the text as ``RenderedEmail/normalizedBody(_:)``
    /// ends it, when splicing values without a CR into them and tidying the result gives the same text.
    private static func tidied(_ pieces: [Piece]) -> [Piece]? {
        for piece in pieces {
            if case .text(let literal) = piece, RenderedEmail.containsCarriageReturn(literal) { return nil }
        }
        guard case .text(var last)? = pieces.last else { return nil }
        // The same trimming as the whole body's: the text before this piece is never reached while
        // the piece keeps a character that is not trimmed.
        while let character = last.last, character == "\n" || character == " " || character == "\t" { last.removeLast() }
        guard !last.isEmpty else { return nil }
        return pieces.dropLast() + [.text(last + "\n")]
    }

    /// A stencil for `key` that splices like `render` renders, checked with a second set of values and
    /// with `first` (the values of the ticket it is made for); `nil` when splicing differs or a value
    /// is empty.
    static func make(render: ([String]) throws -> (subject: String, body: String),
                     first: [String]) -> MessageStencil? {
        guard let raw = try? render(markers) else { return nil }
        let stencil = MessageStencil(raw: raw)
        for values in [checkValues, first] {
            guard let rendered = try? render(values), stencil.raw(values) == rendered else { return nil }
        }
        return stencil
    }

    /// The e-mail for a ticket whose spliced values (in the order of ``splicedKeys``) are `values`;
    /// `nil` when one is empty (a section on it could render differently).
    func fill(_ values: [String]) -> RenderedEmail? {
        guard values.allSatisfy({ !$0.isEmpty }) else { return nil }
        if let tidyBody, !values.contains(where: RenderedEmail.containsCarriageReturn) {
            return RenderedEmail(subject: Self.spliced(subject, values), tidyBody: Self.spliced(tidyBody, values))
        }
        let raw = raw(values)
        return RenderedEmail(subject: raw.subject, body: raw.body)
    }

    /// Whether Mustache `source` has a tag that calls a function (`{{uppercased(ticket.title)}}`),
    /// whose output splicing cannot reproduce.
    static func callsFunctions(_ source: String) -> Bool {
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            if rest[open.upperBound..<close.lowerBound].contains("(") { return true }
            rest = rest[close.upperBound...]
        }
        return false
    }

    private func raw(_ values: [String]) -> (subject: String, body: String) {
        (Self.spliced(subject, values), Self.spliced(body, values))
    }

    /// `pieces` with `values` spliced in.
    private static func spliced(_ pieces: [Piece], _ values: [String]) -> String {
        var text = ""
        // One allocation for the whole text instead of one each time it outgrows its buffer.
        text.reserveCapacity(pieces.reduce(0) { length, piece in
            switch piece {
            case .text(let literal): return length + literal.utf8.count
            case .value(let index): return length + values[index].utf8.count
            }
        })
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .value(let index): text += values[index]
            }
        }
        return text
    }

    /// Private-use characters around an index: text no template or ticket holds.
    private static let markers = splicedKeys.indices.map { "\u{E000}\($0)\u{E001}" }
    /// Values unlike the markers and unlike each other, for the check.
    private static let checkValues = ["4711", "A second sample title", "Bea Sample", "bea@example.com"]

    /// `rendered` cut at the markers.
    private static func pieces(of rendered: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(rendered)
        while let open = rest.range(of: "\u{E000}") {
            guard let close = rest[open.upperBound...].range(of: "\u{E001}"),
                  let index = Int(rest[open.upperBound..<close.lowerBound]), markers.indices.contains(index) else { break }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            pieces.append(.value(index))
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        return pieces
    }
}
