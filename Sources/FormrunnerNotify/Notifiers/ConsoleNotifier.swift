import Foundation
import FormrunnerCore

/// Prints each message as a readable block, for trying a catalog out without a mail server.
///
/// Text is made terminal-safe first: control characters from a ticket's title or a message can
/// never drive the terminal.
public struct ConsoleNotifier: Notifier {
    /// `console`.
    public var name: String { "console" }
    private let write: @Sendable (String) -> Void

    /// A notifier handing each block to `write`.
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// A notifier writing to `handle` (standard error by default).
    public init(handle: FileHandle = .standardError) {
        self.init { text in handle.write(Data(text.utf8)) }
    }

    /// Writes the block of `message`.
    public func deliver(_ message: OutboxMessage) async throws {
        write(Self.block(for: message))
    }

    /// The block printed for `message`.
    public static func block(for message: OutboxMessage) -> String {
        let rule = String(repeating: "─", count: 60)
        let header = """
        \(rule)
        To:       \(RenderedEmail.headerSafe(message.address))
        Subject:  \(RenderedEmail.headerSafe(message.subject))
        \(message.ticketNumber > 0 ? "Ticket:   #\(message.ticketNumber) " : "Message:  ")(\(message.template), id \(message.id))

        """
        let body = RenderedEmail.normalizedBody(message.body)
        return (header + "\n" + body + rule + "\n").terminalSafe
    }
}
