import Foundation
import FormrunnerNotify

/// Stops with `message` (kept in release builds, unlike a precondition's) when `condition` fails.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// One input: the bytes as an inbound e-mail, through the MIME parser (headers, multipart bodies,
/// transfer encodings, charsets, HTML to text, uuencode), then the reply cleaner, as `mail ingest`
/// reads a message. The same bytes with CR-only line ends too (the parser's other path).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    inspect(InboundMessage(data: data), size: count)
    if data.contains(0x0A) {
        inspect(InboundMessage(data: Data(data.map { $0 == 0x0A ? 0x0D : $0 })), size: count)
    }
    return 0
}

/// The properties every parsed message must have, whatever its bytes.
private func inspect(_ message: InboundMessage, size: Int) {
    check(message.sender == message.senders.first, "sender is not the first of senders")
    check(message.senders.allSatisfy { $0 == $0.lowercased() }, "a sender is not lower-cased: \(message.senders)")
    check(!message.text.utf8.contains(0), "a NUL byte in the text")
    check(message.attachments.count <= InboundMessage.maxAttachments, "\(message.attachments.count) attachments")
    for attachment in message.attachments {
        check(!attachment.name.isEmpty, "an attachment without a name")
        check(!attachment.name.contains("/") && !attachment.name.contains("\\"), "a folder in an attachment name: \(attachment.name)")
        check(!attachment.name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
              "a control character in an attachment name: \(attachment.name.debugDescription)")
    }
    check(message.messageID.map { $0.hasPrefix("<") && $0.hasSuffix(">") } ?? true, "a Message-ID without <…>")
    let reply = ReplyCleaner.reply(in: message.text)
    let hasText = message.text.contains { !$0.isWhitespace }
    check(!hasText || !reply.text.isEmpty, "an empty reply from a text with words: \(message.text.debugDescription)")
    check(ReplyCleaner.reply(in: message.text) == reply, "the reply cleaner is not deterministic")
}
