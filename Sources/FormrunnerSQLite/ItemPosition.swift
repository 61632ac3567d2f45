/// Where one item of a batch's changes is (a history line, an outbox message): the index of its
/// change and its index in that change's list. A batch write reaches its items through these, in
/// place, instead of gathering copies of them on the writer's thread.
struct ItemPosition: Sendable, Equatable {
    /// The change's index in the batch.
    var change: Int
    /// The item's index in the change's list.
    var item: Int
}
