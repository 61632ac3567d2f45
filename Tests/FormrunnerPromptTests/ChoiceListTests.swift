@testable import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Choice list")
    struct ChoiceListTests {
        private let options = ["Admin blocked", "Admin delay alert", "Contract model migration", "Contract termination",
                               "Relatório de comissões"].enumerated().map { PromptOption(id: "o\($0.offset)", label: $0.element) }

        @Test("typing narrows by every word, case and accents aside; erasing widens")
        func filter() {
            var list = ChoiceList(options: options)
            for character in "CONTRACT ter" { list.type(character) }
            #expect(list.matches == [3])
            #expect(list.current?.id == "o3")
            list.erase()
            list.erase()
            list.erase()
            list.erase()
            #expect(list.matches == [2, 3])
            #expect(list.current?.id == "o3", "the highlight stays on the same option")
            list.clearFilter()
            #expect(list.matches.count == 5)
            for character in "relatorio" { list.type(character) }
            #expect(list.matches == [4])
            for character in "x" { list.type(character) }
            #expect(list.matches.isEmpty)
            #expect(list.current == nil)
        }

        @Test("ids match too")
        func idsMatch() {
            var list = ChoiceList(options: options)
            list.type("o")
            list.type("1")
            #expect(list.matches == [1])
        }

        @Test("moving wraps around; pages stop at the ends; the window follows the highlight")
        func moving() {
            var list = ChoiceList(options: options, highlighted: "o1")
            #expect(list.highlight == 1)
            list.move(by: -1)
            list.move(by: -1)
            #expect(list.current?.id == "o4")
            list.move(by: 1)
            #expect(list.current?.id == "o0")
            list.move(by: 10)
            #expect(list.current?.id == "o4")
            #expect(list.window(size: 2) == 3..<5)
            list.moveToFirst()
            #expect(list.window(size: 2) == 0..<2)
        }

        @Test("toggling selects the highlighted option; the selection keeps the options' order")
        func toggling() {
            var list = ChoiceList(options: options, selected: ["o3"])
            list.toggle()
            list.move(by: -1)
            list.toggle()
            list.move(by: -1)
            list.toggle()
            list.toggle()
            #expect(list.selectedIDs == ["o0", "o3", "o4"])
        }
    }
}
