import FormrunnerCore
import Mustache

/// The e-mail templates of a catalog and the variables of its life cycles, each compiled once, so
/// that rendering thousands of e-mails parses each template once instead of once per e-mail.
///
/// A template that does not compile is kept as its error and thrown each time it is asked for, just
/// as compiling it then would: a catalog with one broken template still renders the others. A
/// variable that is not in the catalog (a life cycle built elsewhere) is compiled when asked for.
struct CompiledTemplates: Sendable {
    /// Each template of the catalog, compiled, or why it does not compile; by name.
    private let templates: [String: Result<EmailTemplate, MessageRenderError>]
    /// Each life cycle variable of the catalog, compiled, or why it does not compile; by source, so
    /// that one source shared by several life cycles is compiled once.
    private let variables: [String: Result<MustacheTemplate, MessageRenderError>]

    /// Compiles every template and life cycle variable of `catalog`.
    init(_ catalog: Catalog) {
        templates = catalog.templates.reduce(into: [:]) { compiled, entry in
            compiled[entry.key] = Result { () throws(MessageRenderError) in try EmailTemplate(name: entry.key, source: entry.value) }
        }
        var variables: [String: Result<MustacheTemplate, MessageRenderError>] = [:]
        for lifecycle in catalog.lifecycles.values {
            for (name, source) in lifecycle.variables where variables[source] == nil {
                variables[source] = Result { () throws(MessageRenderError) in try EmailTemplate.compile(source, name: name) }
            }
        }
        self.variables = variables
    }

    /// The template called `name`.
    ///
    /// - Throws: ``MessageRenderError/templateNotFound(_:)`` when the catalog has no such template,
    ///   or the error compiling it gave.
    func template(_ name: String) throws(MessageRenderError) -> EmailTemplate {
        guard let compiled = templates[name] else { throw .templateNotFound(name) }
        return try compiled.get()
    }

    /// The template called `name` in `language`: `NAME.pt` when the catalog has it, else `NAME`.
    func template(_ name: String, language: String) throws(MessageRenderError) -> EmailTemplate {
        if language != "en", let compiled = templates["\(name).\(language)"] { return try compiled.get() }
        return try template(name)
    }

    /// The variable `name` whose text is `source`, compiled.
    ///
    /// - Throws: ``MessageRenderError/invalidTemplate(_:reason:)`` naming `name` when `source` is
    ///   not valid Mustache.
    func variable(_ name: String, source: String) throws(MessageRenderError) -> MustacheTemplate {
        guard let compiled = variables[source] else { return try EmailTemplate.compile(source, name: name) }
        switch compiled {
        case .success(let template):
            return template
        case .failure(.invalidTemplate(_, let reason)):
            // Compiled under the name of the first life cycle variable with this text.
            throw .invalidTemplate(name, reason: reason)
        case .failure(let error):
            throw error
        }
    }
}
