import Foundation
import FormrunnerCore

/// A record of the store operations a sign-in performs, in order, without their arguments' values.
final class OperationLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    func append(_ entry: String) { lock.withLock { entries.append(entry) } }
    var all: [String] { lock.withLock { entries } }
}
