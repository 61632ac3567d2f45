import Foundation
import FormrunnerCore
import Mustache

/// The e-mail templates of a catalog and the variables of its life cycles, each compiled once, when
/// first needed: rendering thousands of e-mails parses each template once instead of once per
/// e-mail, and a command that sends no e-mail parses none (a large template costs nothing then).
///
/// A template that does not compile is kept as its error and thrown each time it is asked for, just
/// as compiling it then would: a catalog with one broken template still renders the others. A
/// variable that is not in the catalog (a life cycle built elsewhere) is compiled when asked for.
final class CompiledTemplates: @unchecked Sendable {
    /// The catalog's template sources, by name.
    private let sources: [String: String]
    /// The catalog's life cycle variable sources.
    private let variableSources: Set<String>
    /// Guards the two caches below.
    private let lock = NSLock()
    /// Each template compiled so far, or why it does not compile; by name.
    private var templates: [String: Result<EmailTemplate, MessageRenderError>] = [:]
    /// Each life cycle variable compiled so far, or why it does not compile; by source, so that one
    /// source shared by several life cycles is compiled once.
    private var variables: [String: Result<MustacheTemplate, MessageRenderError>] = [:]
    /// The stencils of the messages rendered so far (`nil`: rendered in full), by what they depend on.
    let stencils = BoundedMemo<MessageStencil.Key, MessageStencil?>(capacity: 256)

    /// The templates and life cycle variables of `catalog`, compiled when first asked for.
    init(_ catalog: Catalog) {
        sources = catalog.templates
        variableSources = Set(catalog.lifecycles.values.flatMap { $0.variables.values })
    }

    /// The template called `name`.
    ///
    /// - Throws: ``MessageRenderError/templateNotFound(_:)`` when the catalog has no such template,
    ///   or the error compiling it gave.
    func template(_ name: String) throws(MessageRenderError) -> EmailTemplate {
        guard let source = sources[name] else { throw .templateNotFound(name) }
        lock.lock()
        defer { lock.unlock() }
        if let compiled = templates[name] { return try compiled.get() }
        let compiled = Result { () throws(MessageRenderError) in try EmailTemplate(name: name, source: source) }
        templates[name] = compiled
        return try compiled.get()
    }

    /// The template called `name` in `language`: `NAME.pt` when the catalog has it, else `NAME`.
    func template(_ name: String, language: String) throws(MessageRenderError) -> EmailTemplate {
        if language != "en", sources["\(name).\(language)"] != nil { return try template("\(name).\(language)") }
        return try template(name)
    }

    /// The source of the template ``template(_:language:)`` gives, if the catalog has it.
    func source(_ name: String, language: String) -> String? {
        if language != "en", let source = sources["\(name).\(language)"] { return source }
        return sources[name]
    }

    /// The variable `name` whose text is `source`, compiled.
    ///
    /// - Throws: ``MessageRenderError/invalidTemplate(_:reason:)`` naming `name` when `source` is
    ///   not valid Mustache.
    func variable(_ name: String, source: String) throws(MessageRenderError) -> MustacheTemplate {
        guard variableSources.contains(source) else { return try EmailTemplate.compile(source, name: name) }
        lock.lock()
        defer { lock.unlock() }
        let compiled = variables[source] ?? Result { () throws(MessageRenderError) in try EmailTemplate.compile(source, name: name) }
        variables[source] = compiled
        switch compiled {
        case .success(let template):
            return template
        case .failure(.invalidTemplate(_, let reason)):
            // Compiled under the name of the first variable asked for with this text.
            throw .invalidTemplate(name, reason: reason)
        case .failure(let error):
            throw error
        }
    }
}
