import Foundation
import FormrunnerCore
import FormrunnerKnowledge

extension Knowledge.Stats {
    /// The figures for people.
    static func text(_ stats: AssistantStats, from: Date?, to: Date?, titles: KnowledgeIndex?) -> String {
        let formatter = ISO8601DateFormatter()
        let period = switch (from, to) {
        case (nil, nil): "all sessions"
        case (let start?, nil): "sessions from \(formatter.string(from: start))"
        case (nil, let end?): "sessions before \(formatter.string(from: end))"
        case (let start?, let end?): "sessions from \(formatter.string(from: start)) to before \(formatter.string(from: end))"
        }
        var out = "Assistant (\(period)):\n"
        out += "  Sessions:        \(stats.sessions)\n"
        out += "  Answered:        \(stats.answered)\n"
        out += "  Handed off:      \(stats.handedOff)\n"
        out += "  Abandoned:       \(stats.abandoned)\n"
        out += "  In progress:     \(stats.inProgress)\n"
        let rate = stats.deflectionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "— (no session ended)"
        out += "  Deflection rate: \(rate)\n"
        guard !stats.failing.isEmpty else { return out }
        out += "Articles most often shown without answering:\n"
        for article in stats.failing {
            let title = titles?.article(article.id, language: "en").map { ": \($0.title)" } ?? ""
            out += "  \(article.notAnswering) of \(article.shown) shown  \(article.id)\(title)\n"
        }
        return out
    }
}
