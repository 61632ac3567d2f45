import Foundation
import FormrunnerKnowledge

// swift run -c release --package-path Benchmarks knowledge-bench [ARTICLES]
//
// 1. Search quality: the desk's own Knowledge/ against Tests/Fixtures/knowledge-questions.tsv (the
//    right article in the top three), per language.
// 2. Scale: ARTICLES (default 10,000) articles made from the desk's own by varying their words,
//    indexed in memory and into a cache file (timed), then 2,000 searches (each fixture question
//    and made-up ones), timed one by one: p50, p99, max. Each time twice: on the clock (wall) and
//    in CPU time of the thread (what a shared machine's other work does not inflate as much).
// 3. The same with the FTS5 index of before (FTS5Baseline.swift), in the same run, unless
//    KNOWLEDGE_BENCH_BASELINE=0 (KNOWLEDGE_BENCH_BASELINE_SEARCHES=N: its first N searches only).
// 4. FTS5 configurations as the index of record (FTS5Variants.swift): inserts, searches, quality;
//    KNOWLEDGE_BENCH_FTS5=0 leaves them out (KNOWLEDGE_BENCH_FTS5_SEARCHES=N, 400 by default).

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000

/// CPU time of the calling thread, in nanoseconds.
func threadCPU() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// The wall time of `body` in ms; its CPU time (this thread) is added to `cpu`.
func milliseconds(cpu: UnsafeMutablePointer<Double>? = nil, _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = threadCPU()
    try body()
    cpu?.pointee = Double(threadCPU() - startCPU) / 1e6
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

// The articles, scores and excerpts the FTS5 index gave (Tests/Fixtures/knowledge-ranking.tsv).
var same = 0
let recorded = try String(contentsOfFile: repository + "/Tests/Fixtures/knowledge-ranking.tsv", encoding: .utf8)
    .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
for line in recorded {
    let hits = try deskIndex.search(line[1], language: line[0], limit: 5)
    let scores = line[3].split(separator: " ").compactMap { Double($0) }
    if hits.map({ "\($0.id):\($0.language)" }).joined(separator: " ") == line[2], hits.count == scores.count,
       zip(hits, scores).allSatisfy({ abs($0.score - $1) < 1e-5 }), hits.map(\.excerpt).joined(separator: " | ") == line[4] {
        same += 1
    } else {
        print("differs from the FTS5 index: \(line[0]) \(line[1]) → \(hits.map(\.id)) \(hits.map(\.score))")
    }
}
print("")
print("same articles, scores and excerpts as the FTS5 index: \(same)/\(recorded.count) recorded questions")
print("")

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
var cpu = 0.0
let buildMemory = try milliseconds(cpu: &cpu) { memoryIndex = try KnowledgeIndex.open(big) }
let buildMemoryCPU = cpu
let cache = NSTemporaryDirectory() + "knowledge-bench-" + UUID().uuidString
defer { try? FileManager.default.removeItem(atPath: cache) }
let buildFile = try milliseconds(cpu: &cpu) { _ = try KnowledgeIndex.open(big, cacheFolder: cache) }
let buildFileCPU = cpu
let reopen = try milliseconds(cpu: &cpu) { _ = try KnowledgeIndex.open(big, cacheFolder: cache) }
let reopenCPU = cpu

let asked = (0..<2000).map { index -> (String, String) in
    let question = questions[index % questions.count]
    return index % 2 == 0 ? (question[1], question[0]) : (question[1] + " ref\(index)", question[0])
}
func timeSearches(_ asked: ArraySlice<(String, String)>,
                  _ search: (String, String) throws -> Void) rethrows -> (wall: [Double], cpu: [Double]) {
    var wall: [Double] = [], cpus: [Double] = []
    for (question, language) in asked {
        var cpu = 0.0
        wall.append(try milliseconds(cpu: &cpu) { try search(question, language) })
        cpus.append(cpu)
    }
    return (wall.sorted(), cpus.sorted())
}
let after = try timeSearches(asked[...]) { question, language in _ = try memoryIndex!.search(question, language: language, limit: 3) }

func percentile(_ p: Double, of sorted: [Double]) -> String {
    String(format: "%.2f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))])
}
func row(_ wall: Double, _ cpu: Double) -> String {
    String(format: "%.0f ms (CPU %.0f ms)", wall, cpu)
}
func searchRows(_ times: (wall: [Double], cpu: [Double])) -> [String] {
    [percentile(0.5, of: times.wall) + " (CPU " + percentile(0.5, of: times.cpu) + ")",
     percentile(0.99, of: times.wall) + " (CPU " + percentile(0.99, of: times.cpu) + ")",
     String(format: "%.2f", times.wall.last ?? 0) + " (CPU " + String(format: "%.2f", times.cpu.last ?? 0) + ")"]
}
var baseline: [String] = ["not run", "", "", "", "", ""]
var fts5Inserts = ""
if ProcessInfo.processInfo.environment["KNOWLEDGE_BENCH_BASELINE"] != "0" {
    var old: FTS5Baseline?
    let oldBuild = try milliseconds(cpu: &cpu) { old = try FTS5Baseline(articles) }
    // KNOWLEDGE_BENCH_BASELINE_SEARCHES: fewer searches of the old index (each takes tens of ms).
    let searches = ProcessInfo.processInfo.environment["KNOWLEDGE_BENCH_BASELINE_SEARCHES"].flatMap(Int.init) ?? asked.count
    let oldTimes = try timeSearches(asked.prefix(searches)) { question, language in _ = try old!.search(question, language: language) }
    baseline = [row(oldBuild, cpu), "—", "—"] + searchRows(oldTimes)
    fts5Inserts = "FTS5's inserts alone (the stems made): " + row(old!.inserts.wall, old!.inserts.cpu)
        + " — what an FTS5 table of the same stems, kept beside the postings, would add to the build"
    var instances = 0
    let readWall = try milliseconds(cpu: &cpu) { instances = try old!.readPostings() }
    fts5Inserts += "\nreading the postings back from FTS5 (fts5vocab 'instance', \(instances) rows): " + row(readWall, cpu)
        + " — what loading them from an FTS5 table at each start would cost (reopening the postings file: see above)"
}
let now = [row(buildMemory, buildMemoryCPU), row(buildFile, buildFileCPU), row(reopen, reopenCPU)] + searchRows(after)
print("")
print("| \(count) articles | before (FTS5, in this run) | after |")
print("|---|---:|---:|")
for (index, name) in ["index build, in memory", "index build, into the cache file", "reopening the cached index (same content)",
                      "search p50, ms (2,000 questions, top three)", "search p99, ms", "search max, ms"].enumerated() {
    print("| \(name) | \(baseline[index]) | \(now[index]) |")
}
if !fts5Inserts.isEmpty { print("\n" + fts5Inserts) }

// FTS5 configurations as the index of record (FTS5Variants.swift): search quality on the desk's
// articles, FTS5's inserts and searches at the scale above.
if ProcessInfo.processInfo.environment["KNOWLEDGE_BENCH_FTS5"] != "0" {
    let searches = ProcessInfo.processInfo.environment["KNOWLEDGE_BENCH_FTS5_SEARCHES"].flatMap(Int.init) ?? 400
    let deskStems = FTS5Variant.stems(of: desk.articles)
    let bigStems = FTS5Variant.stems(of: articles)
    print("")
    print("| FTS5 as the index (\(count) articles; \(searches) searches) | query | FTS5 inserts | search p50, ms | search p99, ms | top three (desk, \(questions.count) questions, no typo correction) |")
    print("|---|---|---:|---:|---:|---:|")
    for variant in FTS5Variant.all {
        let small = try FTS5Variant.Index(variant, articles: desk.articles, stems: deskStems)
        let found = try questions.filter { try small.search($0[1], language: $0[0]).contains($0[2]) }.count
        let index = try FTS5Variant.Index(variant, articles: articles, stems: bigStems)
        let times = try timeSearches(asked.prefix(searches)) { question, language in _ = try index.search(question, language: language) }
        let rows = searchRows(times)
        print("| \(variant.name) | \(variant.query.rawValue) | \(row(index.inserts.wall, index.inserts.cpu)) | \(rows[0]) | \(rows[1]) | "
              + "\(found)/\(questions.count) (\(Int((Double(found) / Double(questions.count) * 100).rounded()))%) |")
    }
}
