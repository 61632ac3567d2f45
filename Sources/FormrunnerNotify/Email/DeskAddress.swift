/// The desk's e-mail identity, and the one place that knows how ticket numbers are carried in
/// addresses and Message-IDs, both ways.
///
/// With the desk `Support <support@desk.example>`:
///
/// | what | form |
/// |---|---|
/// | `From:` | `Support <support@desk.example>` |
/// | `Reply-To:` of ticket 42 | `Support <support+ticket-42@desk.example>` |
/// | Message-ID of ticket 42's first message (its confirmation, outbox id `ticket-42`) | `<ticket-42@desk.example>` |
/// | Message-ID of any later message | `<ticket-42.TOKEN@desk.example>` (TOKEN: ``MessageToken`` of the outbox id) |
///
/// Every message about a ticket names the first one in `In-Reply-To` and `References`, so a thread
/// needs no lookup, and any of these ids found in a reply names its ticket.
public struct DeskAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name (`Support`); may be empty.
    public var name: String
    /// The local part (`support`).
    public var localPart: String
    /// The domain (`desk.example`), also the domain of every Message-ID.
    public var domain: String

    /// `Support <support@formrunner.local>`: used when none is configured.
    public static let standard = DeskAddress(checkedName: "Support", localPart: "support", domain: "formrunner.local")

    private init(checkedName name: String, localPart: String, domain: String) {
        self.name = name
        self.localPart = localPart
        self.domain = domain
    }

    /// Reads `Name <local@domain>` or `local@domain`.
    ///
    /// - Throws: ``DeskAddressError`` when the text is not such an address, or the local part holds
    ///   `+` (which carries the ticket number).
    public init(parsing text: String) throws(DeskAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name = ""
        var address = trimmed
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Self.isLocalPart(parts[0]), Self.isDomain(parts[1]),
              name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw DeskAddressError(text: text, reason: .malformed)
        }
        guard !parts[0].contains("+") else { throw DeskAddressError(text: text, reason: .plusInLocalPart) }
        self.init(checkedName: name, localPart: parts[0], domain: parts[1].lowercased())
    }

    /// `local@domain`.
    public var address: String { localPart + "@" + domain }

    /// The `From:` value: the display name (quoted or encoded as needed) and the address.
    public var mailbox: String { Mailbox.header(name: name, address: address) }

    /// `Name <local@domain>`, as it was given.
    public var description: String { name.isEmpty ? address : "\(name) <\(address)>" }

    /// `local+ticket-N@domain`: where replies about ticket `number` go.
    public func replyAddress(ticket number: Int64) -> String {
        localPart + "+ticket-\(number)@" + domain
    }

    /// The `Reply-To:` value for ticket `number`.
    public func replyTo(ticket number: Int64) -> String {
        Mailbox.header(name: name, address: replyAddress(ticket: number))
    }

    /// The outbox id the first message of ticket `number` (its confirmation) is given, so that its
    /// Message-ID is ``threadRoot(ticket:)``.
    public static func rootOutboxID(ticket number: Int64) -> String {
        "ticket-\(number)"
    }

    /// `<ticket-N@domain>`: the Message-ID of ticket `number`'s first message.
    public func threadRoot(ticket number: Int64) -> String {
        "<ticket-\(number)@" + domain + ">"
    }

    /// The Message-ID of outbox message `id` about ticket `number`: stable across retries.
    public func messageID(for id: String, ticket number: Int64) -> String {
        if id == Self.rootOutboxID(ticket: number) { return threadRoot(ticket: number) }
        return "<ticket-\(number)." + MessageToken.token(for: id) + "@" + domain + ">"
    }

    /// The ticket named by one of our Message-IDs (`<ticket-N@domain>` or `<ticket-N.TOKEN@domain>`,
    /// the domain compared without case), or `nil`.
    public func ticketNumber(inMessageID id: String) -> Int64? {
        var text = id.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        text = String(text.dropFirst().dropLast())
        guard let at = text.lastIndex(of: "@"), text[text.index(after: at)...].lowercased() == domain else { return nil }
        let local = text[..<at]
        guard local.hasPrefix("ticket-") else { return nil }
        let digits = local.dropFirst("ticket-".count).prefix { $0 != "." }
        return Self.number(String(digits))
    }

    /// The ticket named by a reply address `local+ticket-N@any.domain` (the local part compared
    /// without case; the domain is not compared, since mail systems rewrite it), or `nil`.
    public func ticketNumber(inAddress address: String) -> Int64? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at].lowercased()
        let prefix = localPart.lowercased() + "+ticket-"
        guard local.hasPrefix(prefix) else { return nil }
        return Self.number(String(local.dropFirst(prefix.count)))
    }

    /// A positive ticket number written with 1 to 18 ASCII digits.
    static func number(_ digits: String) -> Int64? {
        guard (1...18).contains(digits.count), digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = Int64(digits), value > 0 else { return nil }
        return value
    }

    private static func isLocalPart(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
            && text.unicodeScalars.allSatisfy { scalar in
                isAlphanumeric(scalar) || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar)
            }
    }

    private static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && text.count <= 253 && labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

/// A desk address that could not be read.
public struct DeskAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why.
    public enum Reason: Hashable, Sendable {
        /// Not `Name <local@domain>` or `local@domain`.
        case malformed
        /// The local part holds `+`, which is reserved for the ticket number.
        case plusInLocalPart
    }

    /// The text given.
    public var text: String
    /// Why it was refused.
    public var reason: Reason

    /// The problem in one sentence.
    public var description: String {
        switch reason {
        case .malformed:
            return "'\(text)' is not a desk address such as 'Support <support@desk.example>'"
        case .plusInLocalPart:
            return "the desk address '\(text)' must not contain '+' before the '@': formrunner adds '+ticket-N' there"
        }
    }
}
