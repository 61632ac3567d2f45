import Foundation
import FormrunnerCore

/// A notifier that fails its first `failures` deliveries, then records every message it delivers.
actor RecordingNotifier: Notifier {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "mail server unavailable" }
    }

    nonisolated var name: String { "flaky" }
    private var failuresLeft: Int
    private(set) var delivered: [String] = []
    private(set) var calls = 0

    init(failures: Int = 0) {
        failuresLeft = failures
    }

    func deliver(_ message: OutboxMessage) async throws {
        calls += 1
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw Refused()
        }
        delivered.append(message.id)
    }
}
