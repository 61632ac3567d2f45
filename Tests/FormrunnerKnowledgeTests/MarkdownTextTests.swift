import FormrunnerKnowledge
import Testing

@Suite("Knowledge base: Markdown as text, terminal text and safe HTML")
struct MarkdownTextTests {
    let source = """
        ## Steps

        1. Open **DevTools**.
        2. Tick `Preserve log`.

        - See [statuses](kb:ticket-statuses) or [docs](https://example.com/a?b=1&c=2).
        - Not [this](javascript:alert(1)) <script>alert(1)</script>
        """

    @Test("HTML escapes every character of the source and links only to articles and http(s)")
    func html() {
        #expect(MarkdownText.html(source) { "/knowledge/" + $0 } == """
            <h3>Steps</h3>
            <ol><li>Open <strong>DevTools</strong>.</li><li>Tick <code>Preserve log</code>.</li></ol>
            <ul><li>See <a href="/knowledge/ticket-statuses">statuses</a> or <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">docs</a>.</li><li>Not this) &lt;script&gt;alert(1)&lt;/script&gt;</li></ul>
            """)
    }

    @Test("terminal text numbers and bullets lists, names the article a link opens, drops control characters")
    func terminal() {
        #expect(MarkdownText.terminal("# Title\u{1B}[31m\n\n- [Statuses](kb:ticket-statuses)") == """
            Title[31m
            ─────────

            • Statuses (formrunner knowledge show ticket-statuses)
            """)
        #expect(MarkdownText.plain(source).hasPrefix("Steps\nOpen DevTools.\nTick Preserve log."))
    }
}
