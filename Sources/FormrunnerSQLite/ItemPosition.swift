import FormrunnerCore

/// Where one item of a batch's changes is (a history line, an outbox message): the index of its
/// change and its index in that change's list. A batch write reaches its items through these, in
/// place, instead of gathering copies of them on the writer's thread.
struct ItemPosition: Sendable, Equatable {
    /// The change's index in the batch.
    var change: Int
    /// The item's index in the change's list.
    var item: Int

    /// The positions of every item of `changes`, change by change, each change having `count(changes, index)` items.
    static func all(in changes: [TicketChange], count: ([TicketChange], Int) -> Int) -> [ItemPosition] {
        var positions: [ItemPosition] = []
        positions.reserveCapacity(changes.count)
        for index in changes.indices {
            for item in 0..<count(changes, index) { positions.append(ItemPosition(change: index, item: item)) }
        }
        return positions
    }
}
