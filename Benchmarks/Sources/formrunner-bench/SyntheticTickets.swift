import Foundation
import FormrunnerCore

/// Answers to `technical.intake` that pass its checks, each a pure function of the ticket's index
/// (0-based), so that any ticket's words can be found again without storing them.
///
/// Titles (4–8 words) and descriptions (15–40 words) draw from 2,048 made-up words (two or three
/// syllables) with Zipf frequencies, like the words of real requests: a few are everywhere, most are rare.
struct SyntheticTickets: Sendable {
    /// The form every synthetic ticket is filed with.
    static let formID = "technical.intake"
    static let vocabulary: [String] = makeVocabulary(count: 2048)
    /// Cumulative Zipf (s = 1) weights of ``vocabulary``, ending at 1.
    private static let cumulative: [Double] = {
        let weights = (1...vocabulary.count).map { 1 / Double($0) }
        let total = weights.reduce(0, +)
        var sum = 0.0
        return weights.map { sum += $0 / total; return sum }
    }()

    /// One ticket's answers and requester.
    struct Answers: Sendable {
        var values: [String: AnswerValue]
        var requester: Requester
        /// The words of the title, in order.
        var titleWords: [String]

        /// The answers as `tickets create --set field=value` would give them.
        var raw: [String: RawAnswer] {
            values.compactMapValues { value in
                switch value {
                case .text(let text): return .single(text)
                case .choice(let id): return .single(id)
                default: return nil
                }
            }
        }
    }

    func answers(for index: Int) -> Answers {
        var random = SplitMix64(seed: 0xF0_4D5 &+ UInt64(index) &* 0x1_0000_0001)
        let titleWords = words(Int.random(in: 4...8, using: &random), using: &random)
        var description = words(Int.random(in: 15...40, using: &random), using: &random)
        description[0] = description[0].capitalized
        var values: [String: AnswerValue] = [
            "title": .text(titleWords.joined(separator: " ").capitalizedFirst),
            "description": .text(description.joined(separator: " ") + "."),
            "experience_level": .choice(["learning", "proficient", "advanced"].randomElement(using: &random)!),
            "users_affected": .choice(["admin_users", "end_users", "all_users"].randomElement(using: &random)!),
            "problem_impact": .choice(["auxiliary", "important", "critical"].randomElement(using: &random)!),
            "environment": .choice(["production", "development"].randomElement(using: &random)!),
            "problem_type": .choice(["unexpected_behavior", "question", "setup"].randomElement(using: &random)!),
        ]
        if Int.random(in: 0..<10, using: &random) < 3 {
            values["agency"] = .text("Agency " + words(1, using: &random)[0].capitalized)
        }
        let named = Int.random(in: 0..<10, using: &random) < 7
        let requester = Requester(email: "user\(index)@example.com", name: named ? "User \(index)" : nil)
        return Answers(values: values, requester: requester, titleWords: titleWords)
    }

    private func words(_ count: Int, using random: inout SplitMix64) -> [String] {
        (0..<count).map { _ in
            let draw = Double.random(in: 0..<1, using: &random)
            var low = 0, high = Self.cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if Self.cumulative[middle] < draw { low = middle + 1 } else { high = middle }
            }
            return Self.vocabulary[low]
        }
    }

    /// Distinct words, none the beginning of another: word `i` starts with its own pair of syllables.
    private static func makeVocabulary(count: Int) -> [String] {
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        let syllables = consonants.flatMap { consonant in vowels.map { String([consonant, $0]) } }
        return (0..<count).map { index in
            let first = syllables[index % syllables.count], second = syllables[index / syllables.count]
            return index % 3 == 0 ? first + second + syllables[(index * 7) % syllables.count] : first + second
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
