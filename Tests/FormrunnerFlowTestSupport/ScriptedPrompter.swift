import Foundation
import FormrunnerPrompt

/// A prompter that answers from a script and records what it was asked and told.
///
/// Each question takes the next answer. A text answer is given to the question's `check`; a refused
/// one is recorded in ``rejections`` and the question takes the next answer, as a person re-typing.
/// An answer can be computed when it is needed (a code that was just sent).
public final class ScriptedPrompter: Prompter, @unchecked Sendable {
    /// One scripted answer.
    public enum Answer: Sendable {
        /// Text typed (or an option id chosen, or `yes`/`no`).
        case text(String)
        /// Text computed when the question comes.
        case computed(@Sendable () -> String)
        /// Enter: the default.
        case enter
        /// Ctrl-C.
        case interrupt
    }

    private var script: [Answer]
    /// Every label asked, in order.
    public private(set) var asked: [String] = []
    /// Every message shown, in order.
    public private(set) var said: [String] = []
    /// Every reason an answer was refused with.
    public private(set) var rejections: [String] = []
    /// The options of every choice asked, by label (the last time it was asked).
    public private(set) var offered: [String: [String]] = [:]

    /// A prompter answering from `script`.
    public init(_ script: [Answer]) {
        self.script = script
    }

    /// Whether every scripted answer was used.
    public var finished: Bool { script.isEmpty }

    private func next(_ label: String) throws(PromptInterruption) -> String? {
        asked.append(label)
        guard !script.isEmpty else { throw .endOfInput }
        switch script.removeFirst() {
        case .text(let text): return text
        case .computed(let make): return make()
        case .enter: return nil
        case .interrupt: throw .cancelled
        }
    }

    public func say(_ text: String, style: MessageStyle) {
        said.append(text)
    }

    public func askText(_ label: String, help: String?, default: String?, masked: Bool, multiline: Bool,
                 check: (String) -> String?) throws(PromptInterruption) -> String {
        while true {
            let text = try next(label) ?? `default` ?? ""
            if let reason = check(text) {
                rejections.append(reason)
                continue
            }
            return text
        }
    }

    public func askChoice(_ label: String, help: String?, options: [PromptOption], default: String?) throws(PromptInterruption) -> String {
        offered[label] = options.map(\.id)
        while true {
            let id = try next(label) ?? `default` ?? ""
            if options.contains(where: { $0.id == id }) { return id }
            rejections.append("'\(id)' is not an option of \(label)")
        }
    }

    public func askMultiChoice(_ label: String, help: String?, options: [PromptOption], defaults: [String],
                        check: ([String]) -> String?) throws(PromptInterruption) -> [String] {
        offered[label] = options.map(\.id)
        while true {
            let ids = try next(label).map { $0.split(separator: ",").map(String.init) } ?? defaults
            if let reason = check(ids) {
                rejections.append(reason)
                continue
            }
            return ids
        }
    }

    public func askConfirm(_ label: String, default: Bool) throws(PromptInterruption) -> Bool {
        try next(label).map { $0 == "yes" } ?? `default`
    }

    public func askYesNo(_ label: String, help: String?, default: Bool?, skippable: Bool) throws(PromptInterruption) -> Bool? {
        guard let text = try next(label) else { return `default` }
        return text == "-" ? nil : text == "yes"
    }
}
