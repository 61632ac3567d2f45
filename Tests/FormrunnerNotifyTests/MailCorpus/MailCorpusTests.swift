import Foundation
import Testing
@testable import FormrunnerNotify

/// The mail corpus (issue 14): messages shaped like real clients', each with its recorded text and
/// its attachments.
@Suite("Mail corpus")
struct MailCorpusTests {
    @Test("each message records the expected text and attachments", arguments: CorpusCase.all)
    func corpus(_ sample: CorpusCase) {
        var data = sample.data
        if sample.name.hasPrefix("CR-only") {
            data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\r").utf8)
        }
        let message = InboundMessage(data: data)
        #expect(message.problem == nil)
        #expect(message.sender == sample.sender)
        #expect(AutomaticMessage.marker(message) == sample.automatic)
        #expect(ReplyCleaner.reply(in: message.text).text == sample.text)
        #expect(message.attachments.map(\.name) == sample.attachments)
    }

    @Test("the corpus is broad: at least 100 messages, each with its own name")
    func size() {
        #expect(CorpusCase.all.count >= 100)
        #expect(Set(CorpusCase.all.map(\.name)).count == CorpusCase.all.count)
    }
}
