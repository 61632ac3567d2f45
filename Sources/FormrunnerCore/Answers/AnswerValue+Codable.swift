extension AnswerValue: Codable {
    private enum Tag: String, CodingKey {
        case text, number, boolean, date, choice, choices, files
        case dateTime = "datetime"
    }

    /// Answers are stored tagged with their kind (`{"date": "2026-01-31"}`), so that they read back
    /// exactly, whatever the form looks like by then.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Tag.self)
        switch self {
        case .text(let value): try container.encode(value, forKey: .text)
        case .number(let value): try container.encode(value, forKey: .number)
        case .boolean(let value): try container.encode(value, forKey: .boolean)
        case .date(let value): try container.encode(value, forKey: .date)
        case .dateTime(let value): try container.encode(value, forKey: .dateTime)
        case .choice(let value): try container.encode(value, forKey: .choice)
        case .choices(let value): try container.encode(value, forKey: .choices)
        case .files(let value): try container.encode(value, forKey: .files)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Tag.self)
        guard let tag = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "an answer has exactly one of text, number, boolean, date, datetime, choice, choices, files"))
        }
        switch tag {
        case .text: self = .text(try container.decode(String.self, forKey: tag))
        case .number: self = .number(try container.decode(Double.self, forKey: tag))
        case .boolean: self = .boolean(try container.decode(Bool.self, forKey: tag))
        case .date: self = .date(try container.decode(LocalDate.self, forKey: tag))
        case .dateTime: self = .dateTime(try container.decode(LocalDateTime.self, forKey: tag))
        case .choice: self = .choice(try container.decode(String.self, forKey: tag))
        case .choices: self = .choices(try container.decode([String].self, forKey: tag))
        case .files: self = .files(try container.decode([AttachmentRef].self, forKey: tag))
        }
    }
}
