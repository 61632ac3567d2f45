extension AnswerValue {
    /// The answer as one line of plain text: option ids, `true`/`false`, `YYYY-MM-DD`, file names.
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .boolean(let value): return value ? "true" : "false"
        case .date(let date): return date.description
        case .dateTime(let time): return time.description
        case .choice(let id): return id
        case .choices(let ids): return ids.joined(separator: ", ")
        case .files(let files): return files.map(\.name).joined(separator: ", ")
        }
    }
}
