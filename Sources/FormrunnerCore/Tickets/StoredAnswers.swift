import Foundation

/// How stores keep a ticket's answers: JSON in the tagged encoding of ``AnswerValue``
/// (`{"date":"2026-01-31"}`), keys sorted.
public enum StoredAnswers {
    /// The JSON text of `answers`.
    /// - Throws: ``TicketStoreError/invalid(_:)`` when they cannot be encoded.
    public static func encode(_ answers: [String: AnswerValue]) throws(TicketStoreError) -> String {
        do {
            return try AnswersJSON.sortedJSON(answers, escapingSlashes: false)
        } catch {
            throw .invalid("the answers cannot be stored as JSON: \(error)")
        }
    }

    /// The answers stored as `json`.
    /// - Throws: ``TicketStoreError/unavailable(_:)`` when the stored text cannot be read.
    public static func decode(_ json: String) throws(TicketStoreError) -> [String: AnswerValue] {
        // The common kinds are read directly; anything else (files, groups, odd text) by `JSONDecoder`.
        if let answers = StoredAnswersReader.answers(in: json) { return answers }
        do {
            return try JSONDecoder().decode([String: AnswerValue].self, from: Data(json.utf8))
        } catch {
            throw .unavailable("stored answers cannot be read: \(error)")
        }
    }
}
