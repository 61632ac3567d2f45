import Foundation
import FormrunnerCore
@testable import FormrunnerWeb
import Testing

/// The browser's condition script agrees with the server's evaluator on every case.
@Suite struct ConditionScriptTests {
    /// Reads `cases.json` and prints, per case, "true", "false" or "error" (a syntax error).
    private static let runner = """
        const conditions = require('./conditions.js');
        const { scenarios, cases } = JSON.parse(require('fs').readFileSync(__dirname + '/cases.json', 'utf8'));
        const results = cases.map(({ expression, scenario }) => {
          let tree;
          try { tree = conditions.parse(expression); } catch (error) {
            if (!(error instanceof conditions.ConditionSyntaxError)) throw error;
            return 'error';
          }
          return String(conditions.evaluate(tree, scenarios[scenario]));
        });
        process.stdout.write(JSON.stringify(results));
        """

    /// What the Swift parser and evaluator make of a case.
    private static func serverResult(_ item: ConditionScriptCases.Case) -> String {
        guard let condition = try? Condition.parse(item.expression) else { return "error" }
        return String(condition.evaluate(ConditionScriptCases.scenarios[item.scenario]))
    }

    @Test func theScriptParsesAndEvaluatesEveryCaseExactlyAsTheServerDoes() throws {
        let cases = ConditionScriptCases.all
        let input: [String: Any] = [
            "scenarios": ConditionScriptCases.scenarios.map(ConditionScriptCases.javaScriptAnswers),
            "cases": cases.map { ["expression": $0.expression, "scenario": $0.scenario] },
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let output: String
        do {
            output = try NodeScriptRunner.run(main: "runner.js", files: [
                "conditions.js": ConditionScript.source, "runner.js": Self.runner, "cases.json": json,
            ])
        } catch {
            Issue.record("could not run the condition script: \(error)")
            return
        }
        let script = try JSONDecoder().decode([String].self, from: Data(output.utf8))
        try #require(script.count == cases.count, "node answered \(script.count) of \(cases.count) cases")
        let differing = zip(cases, script).compactMap { item, answer -> String? in
            let server = Self.serverResult(item)
            return server == answer ? nil
                : "\(item.expression.debugDescription) in scenario \(item.scenario): server \(server), script \(answer)"
        }
        #expect(differing.isEmpty, "\(differing.count) of \(cases.count) cases differ:\n\(differing.joined(separator: "\n"))")
        #expect(cases.count >= 150)
    }

    @Test func everyEvaluatedCaseIsAWellTypedConditionAndEverySyntaxCaseIsRefused() {
        for text in ConditionScriptCases.expressions + ConditionScriptCases.limits {
            do {
                let errors = try Condition.parse(text).typeCheck(fields: ConditionScriptCases.fields)
                #expect(errors.isEmpty, "\(text.debugDescription): \(errors)")
            } catch {
                Issue.record("\(text.debugDescription) does not parse: \(error)")
            }
        }
        for text in ConditionScriptCases.syntaxErrors {
            #expect(throws: ConditionError.self, "\(text.debugDescription) parses") { try Condition.parse(text) }
        }
    }

    @Test func theScriptUsesNoEvalNoFunctionConstructorAndNoInnerHTML() {
        for word in ["eval(", "Function(", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"] {
            let uses = ConditionScript.source.contains(word)
            #expect(!uses, "the script uses \(word)")
        }
    }
}
