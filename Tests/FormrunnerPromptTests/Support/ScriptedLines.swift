import Foundation
import FormrunnerPrompt

/// Runs a ``LinePrompter`` on scripted input (a pipe) and captures what it wrote (a temporary file).
enum ScriptedLines {
    /// The result of `body`, the output without escape sequences, and the output as written.
    static func run<T>(_ input: String, _ body: (LinePrompter) throws(PromptInterruption) -> T)
        -> (result: Result<T, PromptInterruption>, output: String, raw: String) {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try? pipe.fileHandleForWriting.close()
        let path = NSTemporaryDirectory() + "formrunner-prompt-out-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let output = FileHandle(forWritingAtPath: path) else { fatalError("cannot write \(path)") }
        let prompter = LinePrompter(input: pipe.fileHandleForReading, output: output)
        let result: Result<T, PromptInterruption>
        do throws(PromptInterruption) {
            result = .success(try body(prompter))
        } catch {
            result = .failure(error)
        }
        try? output.close()
        try? pipe.fileHandleForReading.close()
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (result, text.withoutEscapes, text)
    }
}
