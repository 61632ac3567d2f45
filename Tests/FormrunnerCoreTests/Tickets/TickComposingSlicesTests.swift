@testable import FormrunnerCore
import Testing

/// A tick composes a batch on every core but one, which it leaves to the store's writer.
@Suite("The tick's composing slices")
struct TickComposingSlicesTests {
    @Test("two cores compose one slice, leaving one core to the writer")
    func twoCores() {
        #expect(TicketDesk.composingSlices(of: 4_000, cores: 2) == 1)
    }

    @Test("more cores compose a slice on each but one")
    func manyCores() {
        #expect(TicketDesk.composingSlices(of: 4_000, cores: 8) == 7)
        #expect(TicketDesk.composingSlices(of: 4_000, cores: 3) == 2)
    }

    @Test("one core, or a batch under two slices of 64 tickets, composes one slice")
    func atLeastOne() {
        #expect(TicketDesk.composingSlices(of: 4_000, cores: 1) == 1)
        #expect(TicketDesk.composingSlices(of: 127, cores: 8) == 1)
        #expect(TicketDesk.composingSlices(of: 1, cores: 8) == 1)
        #expect(TicketDesk.composingSlices(of: 192, cores: 8) == 3)
    }
}
