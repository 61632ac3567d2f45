import Foundation
import FormrunnerCore

/// Fields of every condition type, under short names the fuzzer finds quickly.
private let fields: [String: ConditionFieldType] = [
    "t": .text, "n": .number, "b": .boolean, "d": .date, "f": .files,
    "c": .choice(options: ["a", "b", "c"]), "m": .multichoice(options: ["a", "b", "x"]),
]

/// Answers for those fields; `seed` picks among a few values per field so evaluation takes both ways.
private func answers(_ seed: UInt8) -> [String: AnswerValue] {
    let pick = Int(seed)
    return [
        "t": .text(["", "a", "setup", "x\"y"][pick % 4]),
        "n": .number([0, -3, 4.5, 1e300][(pick / 4) % 4]),
        "b": .boolean(pick % 2 == 0),
        "d": .date(LocalDate(iso: ["2025-01-31", "2000-02-29"][(pick / 16) % 2])!),
        "c": .choice(["a", "b", "c"][pick % 3]),
        "m": .choices([[], ["a"], ["a", "x"]][(pick / 3) % 3]),
    ]
}

/// A YAML double-quoted scalar holding `text` exactly.
private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
            || (0x2028...0x2029).contains(scalar.value):
            out += String(format: "\\u%04X", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A form whose last field's `when:` is `condition`, after one field of each type.
private func form(when condition: String) -> String {
    """
    form: fuzz
    version: 1
    title: Fuzz
    team: fuzz
    fields:
      - {id: t, label: T, type: text}
      - {id: n, label: N, type: number}
      - {id: b, label: B, type: boolean}
      - {id: d, label: D, type: date}
      - {id: f, label: F, type: files}
      - {id: c, label: C, type: choice, options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]}
      - {id: m, label: M, type: multichoice, options: [{id: a, label: A}, {id: b, label: B}, {id: x, label: X}]}
      - id: last
        label: Last
        type: text
        when: \(quoted(condition))

    """
}

/// One input: parse, type-check, evaluate; then the same condition inside a form, through the
/// loader, the linker's checks and the diagnostic renderer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConditions(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    let length = text.unicodeScalars.count
    do {
        let condition = try Condition.parse(text)
        for error in condition.typeCheck(fields: fields) {
            check((0...length).contains(error.offset) && error.length >= 1, "type error outside the text: \(error)")
        }
        _ = condition.typeCheck(fields: [:])
        let seed = data.last ?? 0
        let value = condition.evaluate(answers(seed))
        check(value == condition.evaluate(answers(seed)), "evaluation is not deterministic")
        _ = condition.evaluate([:])
    } catch {
        let limit = max(length, Condition.maximumLength)
        check((0...limit).contains(error.offset) && error.length >= 1, "syntax error outside the text: \(error)")
    }
    let yaml = Data(form(when: text).utf8)
    let result = CatalogLoader().load(documents: [CatalogLoader.Document(path: "Forms/fuzz.yaml", data: yaml)])
    _ = DiagnosticRenderer(sources: result.catalog.sources).render(result.diagnostics)
    return 0
}

/// Stops with `message` (kept in release builds, unlike a precondition's) when `condition` fails.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
