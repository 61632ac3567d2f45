extension FormAnswers {
    /// Checks answers that were already typed (asked in a terminal, or restored from a draft) on
    /// the same path as ``check(_:)``: each value goes back to the text a person would give, and
    /// each attachment to its path in `files` (SHA-256 → path), so files are inspected again.
    ///
    /// An attachment whose path is not known any more is reported on its field.
    public func check(values: [String: AnswerValue], files: [String: String]) -> Result<Checked, AnswerProblems> {
        var raw: [String: RawAnswer] = [:]
        var missing: [AnswerProblem] = []
        for (id, value) in values {
            switch value {
            case .files(let refs):
                let paths = refs.compactMap { files[$0.sha256] }
                if paths.count < refs.count {
                    let lost = refs.filter { files[$0.sha256] == nil }.map(\.name)
                    missing.append(AnswerProblem(field: id, message: "attach again: " + lost.joined(separator: ", ")))
                }
                raw[id] = .list(paths)
            default: raw[id] = Self.raw(value)
            }
        }
        switch check(raw) {
        case .success(let checked):
            return missing.isEmpty ? .success(checked) : .failure(AnswerProblems(missing))
        case .failure(let problems):
            return .failure(AnswerProblems(missing + problems.problems))
        }
    }

    /// The text a person would give for `value` (files aside): option ids, `YYYY-MM-DD`, a group's items.
    static func raw(_ value: AnswerValue) -> RawAnswer {
        switch value {
        case .choices(let ids): return .list(ids)
        case .items(let items): return .group(items.map { $0.mapValues(raw) })
        default: return .single(value.plainText)
        }
    }
}
