/// The text of a one-line input and the cursor within it.
struct LineEditor: Equatable {
    private(set) var characters: [Character] = []
    /// Where the next character goes, from 0 to `characters.count`.
    private(set) var cursor = 0

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    /// Applies an editing key; returns false for keys that do not edit.
    @discardableResult
    mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .backspace:
            guard cursor > 0 else { return true }
            cursor -= 1
            characters.remove(at: cursor)
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .eraseLine:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .eraseWord: eraseWord()
        default: return false
        }
        return true
    }

    mutating func insert(_ character: Character) {
        guard !character.isNewline, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    private mutating func eraseWord() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
