/// Draws a life cycle as a Mermaid state diagram or a Graphviz digraph, timers on their edges.
public struct LifecycleGraph: Sendable {
    /// The output formats.
    public enum Format: String, CaseIterable, Sendable {
        case mermaid
        case dot
    }

    public var lifecycle: LifecycleDefinition

    public init(_ lifecycle: LifecycleDefinition) {
        self.lifecycle = lifecycle
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .mermaid: return mermaid()
        case .dot: return dot()
        }
    }

    /// `ask by agent`, `close by system after 27 working hours since last interaction`.
    func edgeLabel(_ transition: TransitionDefinition) -> String {
        var label = "\(transition.event) by \(transition.actors.map(\.rawValue).joined(separator: "/"))"
        if let timer = transition.timer {
            let hours = AnswerValue.number(timer.workingHours).plainText
            label += " after \(hours) working hours since \(timer.since == .entered ? "entering" : "last interaction")"
        }
        return label
    }

    private func edges() -> [(from: String, to: String, label: String)] {
        lifecycle.transitions.flatMap { transition in
            transition.from.map { (from: $0.id, to: transition.to?.id ?? $0.id, label: edgeLabel(transition)) }
        }
    }

    private func mermaid() -> String {
        var out = "stateDiagram-v2\n"
        for status in lifecycle.statuses {
            out += "    \(status.id): \(sanitized(status.label.english, forbidden: ":"))\n"
        }
        out += "    [*] --> \(lifecycle.initial.id)\n"
        for edge in edges() {
            out += "    \(edge.from) --> \(edge.to): \(sanitized(edge.label, forbidden: ":"))\n"
        }
        for status in lifecycle.statuses where status.isFinal {
            out += "    \(status.id) --> [*]\n"
        }
        return out
    }

    private func dot() -> String {
        var out = "digraph \"\(quoted(lifecycle.id))\" {\n    rankdir=LR;\n    start [shape=point];\n"
        for status in lifecycle.statuses {
            let shape = status.isFinal ? "doublecircle" : "ellipse"
            out += "    \"\(quoted(status.id))\" [label=\"\(quoted(status.label.english))\", shape=\(shape)];\n"
        }
        out += "    start -> \"\(quoted(lifecycle.initial.id))\";\n"
        for transition in lifecycle.transitions {
            let style = transition.timer != nil ? ", style=dashed" : ""
            for from in transition.from {
                let to = transition.to?.id ?? from.id
                out += "    \"\(quoted(from.id))\" -> \"\(quoted(to))\" [label=\"\(quoted(edgeLabel(transition)))\"\(style)];\n"
            }
        }
        return out + "}\n"
    }

    private func quoted(_ text: String) -> String {
        sanitized(text, forbidden: "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    private func sanitized(_ text: String, forbidden: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || forbidden.unicodeScalars.contains(scalar) ? " " : Character(scalar)
        })
    }
}
