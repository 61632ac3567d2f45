import Foundation

/// The state of a choice list on screen: the filter typed so far, the options that match it, the
/// highlighted one, the selected ones (multiple choice) and the scrolled window.
struct ChoiceList {
    let options: [PromptOption]
    /// What has been typed to narrow the list.
    private(set) var filter = ""
    /// Indices into `options` of the options matching the filter, in order.
    private(set) var matches: [Int]
    /// Position in `matches` of the highlighted option.
    private(set) var highlight = 0
    /// Indices into `options` of the selected options.
    private(set) var selected: Set<Int>
    /// Position in `matches` of the first option shown.
    private(set) var offset = 0
    private let searchTexts: [String]

    init(options: [PromptOption], highlighted: String? = nil, selected ids: [String] = []) {
        self.options = options
        matches = Array(options.indices)
        selected = Set(options.indices.filter { ids.contains(options[$0].id) })
        searchTexts = options.map { OptionMatcher.fold($0.label + " " + $0.id) }
        if let highlighted, let index = options.firstIndex(where: { $0.id == highlighted }) {
            highlight = index
        }
    }

    /// The highlighted option, if any option matches.
    var current: PromptOption? {
        matches.indices.contains(highlight) ? options[matches[highlight]] : nil
    }

    /// The selected options' ids, in the options' order.
    var selectedIDs: [String] {
        options.indices.filter(selected.contains).map { options[$0].id }
    }

    /// Narrows the list: every word of the filter must appear in an option's label or id.
    mutating func type(_ character: Character) {
        setFilter(filter + String(character))
    }

    /// Widens the list by removing the filter's last character; false when the filter was empty.
    @discardableResult
    mutating func erase() -> Bool {
        guard !filter.isEmpty else { return false }
        setFilter(String(filter.dropLast()))
        return true
    }

    mutating func clearFilter() { setFilter("") }

    /// Moves the highlight by `step` positions, wrapping around at either end for single steps.
    mutating func move(by step: Int) {
        guard !matches.isEmpty else { return }
        if abs(step) == 1 {
            highlight = (highlight + step + matches.count) % matches.count
        } else {
            highlight = min(max(highlight + step, 0), matches.count - 1)
        }
    }

    mutating func moveToFirst() { highlight = 0 }
    mutating func moveToLast() { highlight = max(0, matches.count - 1) }

    /// Selects or deselects the highlighted option.
    mutating func toggle() {
        guard matches.indices.contains(highlight) else { return }
        let index = matches[highlight]
        if selected.contains(index) { selected.remove(index) } else { selected.insert(index) }
    }

    /// The positions in `matches` to show in a window of `size` rows, scrolled so that the
    /// highlight is visible.
    mutating func window(size: Int) -> Range<Int> {
        let size = max(1, size)
        if highlight < offset { offset = highlight }
        if highlight >= offset + size { offset = highlight - size + 1 }
        offset = max(0, min(offset, max(0, matches.count - size)))
        return offset..<min(matches.count, offset + size)
    }

    private mutating func setFilter(_ text: String) {
        let kept = matches.indices.contains(highlight) ? matches[highlight] : nil
        filter = text
        let words = OptionMatcher.fold(text).split(separator: " ").map(String.init)
        matches = options.indices.filter { index in words.allSatisfy { searchTexts[index].contains($0) } }
        highlight = kept.flatMap { matches.firstIndex(of: $0) } ?? 0
        offset = 0
    }
}
