import Foundation
import FormrunnerKnowledge

// swift run -c release --package-path Benchmarks knowledge-bench [ARTICLES]
//
// 1. Search quality: the desk's own Knowledge/ against Tests/Fixtures/knowledge-questions.tsv (the
//    right article in the top three), per language.
// 2. Scale: ARTICLES (default 10,000) articles made from the desk's own by varying their words,
//    indexed in memory and into a cache file (timed), then 2,000 searches (each fixture question
//    and made-up ones), timed one by one: p50, p99, max.

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let desk = KnowledgeLoader(root: repository).load()
let questions = try String(contentsOfFile: repository + "/Tests/Fixtures/knowledge-questions.tsv", encoding: .utf8)
    .split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }.filter { $0.count == 3 }
let deskIndex = try KnowledgeIndex.open(desk)
var right: [String: (Int, Int)] = [:]
for question in questions {
    let hits = try deskIndex.search(question[1], language: question[0], limit: 3)
    let (found, all) = right[question[0]] ?? (0, 0)
    right[question[0]] = (found + (hits.contains { $0.id == question[2] } ? 1 : 0), all + 1)
}
print("| search quality (desk's \(desk.articles.count) article files, \(questions.count) questions) | right article in the top three |")
print("|---|---:|")
for (language, score) in right.sorted(by: { $0.key < $1.key }) {
    print("| \(language) | \(score.0)/\(score.1) (\(Int((Double(score.0) / Double(score.1) * 100).rounded()))%) |")
}

// Made-up articles: each of the desk's, its words rotated and a number added, under a new id.
var generator = SystemRandomNumberGenerator()
var articles: [KnowledgeArticle] = []
articles.reserveCapacity(count)
for index in 0..<count {
    let source = desk.articles[index % desk.articles.count]
    var words = source.body.split(separator: " ")
    let shift = Int.random(in: 0..<max(words.count, 1), using: &generator)
    words = Array(words[shift...] + words[..<shift])
    articles.append(KnowledgeArticle(id: "\(source.id)-\(index)", title: source.title + " \(index)", language: source.language,
                                     tags: source.tags, teams: source.teams, body: words.joined(separator: " ") + " ref\(index)",
                                     path: source.path))
}
let big = KnowledgeBase(articles: articles)
var memoryIndex: KnowledgeIndex?
let buildMemory = try milliseconds { memoryIndex = try KnowledgeIndex.open(big) }
let cache = NSTemporaryDirectory() + "knowledge-bench-" + UUID().uuidString
defer { try? FileManager.default.removeItem(atPath: cache) }
let buildFile = try milliseconds { _ = try KnowledgeIndex.open(big, cacheFolder: cache) }
let reopen = try milliseconds { _ = try KnowledgeIndex.open(big, cacheFolder: cache) }

var times: [Double] = []
let asked = (0..<2000).map { index -> (String, String) in
    let question = questions[index % questions.count]
    return index % 2 == 0 ? (question[1], question[0]) : (question[1] + " ref\(index)", question[0])
}
for (question, language) in asked {
    times.append(try milliseconds { _ = try memoryIndex!.search(question, language: language, limit: 3) })
}
times.sort()
func percentile(_ p: Double, of sorted: [Double]) -> String {
    String(format: "%.2f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))])
}
print("")
print("| \(count) articles | time |")
print("|---|---:|")
print("| index build, in memory | \(String(format: "%.0f ms", buildMemory)) |")
print("| index build, into the cache file | \(String(format: "%.0f ms", buildFile)) |")
print("| reopening the cached index (same content) | \(String(format: "%.0f ms", reopen)) |")
print("| search p50 (2,000 questions, top three) | \(percentile(0.5, of: times)) |")
print("| search p99 | \(percentile(0.99, of: times)) |")
print("| search max | \(String(format: "%.2f ms", times.last ?? 0)) |")
