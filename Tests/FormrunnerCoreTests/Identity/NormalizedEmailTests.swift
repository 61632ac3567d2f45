import FormrunnerCore
import Testing

@Suite("An e-mail address in its normal form")
struct NormalizedEmailTests {
    @Test("an address is trimmed and lower-cased; one already normal comes back unchanged", arguments: [
        ("ana@example.com", "ana@example.com"),
        ("  Ana@Example.COM\n", "ana@example.com"),
        ("\tbeto@example.com", "beto@example.com"),
        ("Zoë@Example.com", "zoë@example.com"),
        ("JOSÉ@EXAMPLE.COM ", "josé@example.com"),
        ("", ""),
        ("   ", ""),
    ])
    func normalised(input: String, expected: String) {
        #expect(UserRecord.normalizedEmail(input) == expected)
    }
}
