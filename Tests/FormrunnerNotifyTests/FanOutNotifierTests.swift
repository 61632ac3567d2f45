import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Several notifiers at once")
struct FanOutNotifierTests {
    @Test("every notifier is tried even after one fails; the failure names each that failed")
    func tries() async throws {
        let failing = RecordingNotifier(failures: 1), working = RecordingNotifier()
        let notifier = FanOutNotifier([failing, working])
        #expect(notifier.name == "flaky+flaky")
        await #expect(throws: FanOutFailure(failures: ["flaky: mail server unavailable"])) {
            try await notifier.deliver(Sample.message(id: "a"))
        }
        #expect(await working.delivered == ["a"])
        #expect(FanOutFailure(failures: ["a: x", "b: y"]).description == "a: x; b: y")
        try await notifier.deliver(Sample.message(id: "a"))
        #expect(await failing.delivered == ["a"])
    }
}
