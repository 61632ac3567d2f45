/// Answers to repeatable groups: a list of items, each checked like a small form of the group's
/// fields, every problem named by the item's 1-based index (`orders[2].amount`).
extension FormAnswers {
    /// The checked items of `group`, or nil when there are problems (added to `problems`).
    /// A list longer than the group's `max` is refused before any item is read.
    func checkGroup(_ answer: RawAnswer, of group: FieldDefinition, at key: String,
                    into checked: inout Checked, problems: inout [AnswerProblem]) -> AnswerValue? {
        guard case .group(let items) = answer else {
            problems.append(AnswerProblem(field: key, message: "expected a list of items, each a mapping from the group's fields "
                                          + "(\(group.itemFields.map(\.id).joined(separator: ", "))) to answers"))
            return nil
        }
        let before = problems.count
        if let problem = Self.itemCountProblem(items.count, of: group) {
            problems.append(AnswerProblem(field: key, message: problem))
            if items.count > group.itemCount.upperBound { return nil }
        }
        let ids = group.itemFields.map(\.id)
        var values: [[String: AnswerValue]] = []
        for (index, item) in items.enumerated() {
            let path = "\(key)[\(index + 1)]."
            for name in item.keys.sorted() where group.itemField(name) == nil {
                problems.append(AnswerProblem(field: path + name, message: "the group '\(group.id)' has no such field"
                                              + Suggestion.hintOrList(for: name, in: ids)))
            }
            var itemChecked = Checked(values: [:], files: [:], ignored: [])
            check(group.itemFields, item, path: path, into: &itemChecked, problems: &problems)
            checked.ignored += itemChecked.ignored
            values.append(itemChecked.values)
        }
        return problems.count == before ? .items(values) : nil
    }

    /// `must have at least 2 items, got 1` or `must have at most 5 items, got 6`; nil when `count` fits.
    public static func itemCountProblem(_ count: Int, of group: FieldDefinition) -> String? {
        func items(_ number: Int) -> String { number == 1 ? "1 item" : "\(number) items" }
        if count < group.itemCount.lowerBound { return "must have at least \(items(group.itemCount.lowerBound)), got \(count)" }
        if count > group.itemCount.upperBound { return "must have at most \(items(group.itemCount.upperBound)), got \(count)" }
        return nil
    }
}
