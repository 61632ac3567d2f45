import Foundation
import Yams

// yams-parse DIR: composes every .yaml file under DIR into a Yams node tree and does nothing
// else: the bare parsing cost that `formrunner validate` is compared with. Exits 1 when a file
// cannot be read or parsed.

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: yams-parse DIR\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: CommandLine.arguments[1])
var parsed = 0
for case let file as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? .init()
where file.pathExtension == "yaml" {
    do {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard try Yams.compose(yaml: text) != nil else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
        parsed += 1
    } catch {
        FileHandle.standardError.write(Data("yams-parse: \(file.path): \(error)\n".utf8))
        exit(1)
    }
}
print("\(parsed) files parsed")
