import Foundation

/// A throwaway catalog folder with a `Knowledge/` of the given files.
struct Folder {
    let root: String

    static func make(_ files: [String: String]) throws -> Folder {
        let root = NSTemporaryDirectory() + "formrunner-knowledge-" + UUID().uuidString
        for (path, text) in files {
            let file = root + "/Knowledge/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return Folder(root: root)
    }

    static func article(id: String, language: String, title: String, tags: String = "[]", body: String) -> String {
        "---\nid: \(id)\ntitle: \(title)\nlanguage: \(language)\ntags: \(tags)\nteams: [technical]\n---\n\(body)\n"
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
