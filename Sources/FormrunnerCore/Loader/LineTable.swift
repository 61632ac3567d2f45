/// Where each line of a text starts, so that a Unicode-scalar offset can be turned into the line
/// and column an editor (and ``DiagnosticRenderer``) shows.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, and at nothing else. libyaml also counts NEL
/// (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) as line breaks, so its own
/// line numbers drift from the file's after any of them; the loader locates everything by
/// libyaml's scalar offset through this table instead.
struct LineTable {
    /// The scalar offset at which each line starts; the first is 0.
    private var starts: [Int] = [0]

    init(_ text: String) {
        var offset = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            offset += 1
            if scalar == "\n" {
                if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
            } else if scalar == "\r" {
                starts.append(offset)
            }
            previousWasCR = scalar == "\r"
        }
    }

    /// How many lines the text has (a final line break starts an empty last line).
    var count: Int { starts.count }

    /// The 1-based line and column of the scalar at `offset` (the end of the text for larger offsets).
    func position(ofScalar offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, offset)
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }
}
