import Foundation

/// A ``StemTable`` per language, shared by the searches of an index: a question's words and the
/// sentences of the articles found are folded and stemmed once per distinct word. Safe from any
/// thread; a language's table starts afresh past ``capacity`` words.
final class StemMemo: @unchecked Sendable {
    /// How many words a language's table keeps at most.
    let capacity: Int
    private let lock = NSLock()
    private var tables: [String: StemTable]

    /// A memo that starts with `tables` (those of an index build), keyed by language.
    init(tables: [String: StemTable] = [:], capacity: Int = 100_000) {
        self.tables = tables
        self.capacity = capacity
    }

    /// The stems of `text` in `language`, in order, repeats kept.
    func stems(of text: String, language: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var table = tables.removeValue(forKey: language) ?? StemTable(language: language)
        if table.words.count > capacity { table = StemTable(language: language) }
        let stems = table.stems(of: text)
        tables[language] = table
        return stems
    }
}
