import Foundation
import FormrunnerCore
import FormrunnerKnowledge

extension Desk {
    /// The knowledge base's index (`Knowledge/` under the catalog), opened on the first call and
    /// kept: read from `.formrunner/knowledge/` when built before from the same articles, else built
    /// there. `nil` for a catalog without articles. The command line and the web portal share it.
    /// - Throws: ``DeskSettingError`` (failure) when the knowledge base has errors or cannot be indexed.
    public func knowledge() throws -> KnowledgeIndex? {
        try builtKnowledge.get {
            let base = KnowledgeLoader(root: settings.catalog).load()
            guard !base.diagnostics.hasErrors else {
                throw DeskSettingError.failure("the knowledge base has errors; `formrunner validate` lists them")
            }
            guard !base.articles.isEmpty else { return KnowledgeBox(index: nil) }
            let cache = (settings.catalog as NSString).appendingPathComponent(".formrunner/knowledge")
            do {
                return KnowledgeBox(index: try KnowledgeIndex.open(base, cacheFolder: cache))
            } catch {
                throw DeskSettingError.failure("cannot index the knowledge base in \(cache): \(error)")
            }
        }.index
    }

    /// Where assistant sessions are kept: beside the tickets.
    public var assistantSessions: (any AssistantSessionStore)? { store as? any AssistantSessionStore }
}

/// A knowledge index, or none, as one value that can be kept.
struct KnowledgeBox: Sendable {
    var index: KnowledgeIndex?
}
