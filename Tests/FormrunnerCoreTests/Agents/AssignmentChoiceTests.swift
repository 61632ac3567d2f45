import Testing
@testable import FormrunnerCore

/// ``AssignmentRequest/choose(last:openCounts:)`` walks the candidates in turn where they are: it
/// must pick exactly the agent that the rotated list (``AssignmentRequest/rotation(after:)``) gives.
@Suite("Assignment: choosing the next agent")
struct AssignmentChoiceTests {
    /// The choice as made from the rotated list, the way it was made before the walk in place.
    static func rotatedChoice(_ request: AssignmentRequest, last: String?, openCounts: [String: Int]) -> String? {
        let turn = request.rotation(after: last)
        switch request.rule {
        case .leastOpen:
            guard let fewest = turn.map({ openCounts[$0] ?? 0 }).min() else { return nil }
            return turn.first { (openCounts[$0] ?? 0) == fewest }
        case .roundRobin, .manual:
            return turn.first
        }
    }

    static let pool = ["ana@example.com", "bea@example.com", "caio@example.com", "dani@example.com", "Édi@example.com",
                       "zed@example.com"]

    @Test("every rule, team size, previous pick and open count gives the rotated list's agent")
    func sameAsRotation() {
        var generator = SystemRandomNumberGenerator()
        let lasts: [String?] = [nil, "", "aaa@example.com", "zzz@example.com", "ana@example.com", "caio@example.com",
                                "cz@example.com", "zed@example.com", "Édi@example.com", "~@example.com"]
        var checked = 0
        for size in 0...Self.pool.count {
            for rule in [TeamDefinition.Assignment.roundRobin, .leastOpen, .manual] {
                for _ in 0..<40 {
                    let candidates = Array(Self.pool.shuffled(using: &generator).prefix(size))
                    let request = AssignmentRequest(team: "t", rule: rule, candidates: candidates, settledStatuses: [])
                    // Counts with ties, zeros, agents left out, and a name that is no candidate.
                    var counts: [String: Int] = ["nobody@example.com": -5]
                    for agent in candidates where Bool.random(using: &generator) {
                        counts[agent] = Int.random(in: -1...3, using: &generator)
                    }
                    for last in lasts {
                        #expect(request.choose(last: last, openCounts: counts)
                                == Self.rotatedChoice(request, last: last, openCounts: counts),
                                "\(rule) \(request.candidates) after \(last ?? "nil") with \(counts)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 7 * 3 * 40 * 10)
    }

    @Test("round robin takes the next agent after the last pick and wraps round; least open breaks ties in turn")
    func examples() {
        let team = ["ana@example.com", "bea@example.com", "caio@example.com"]
        let roundRobin = AssignmentRequest(team: "t", rule: .roundRobin, candidates: team, settledStatuses: [])
        #expect(roundRobin.choose(last: nil, openCounts: [:]) == "ana@example.com")
        #expect(roundRobin.choose(last: "ana@example.com", openCounts: [:]) == "bea@example.com")
        #expect(roundRobin.choose(last: "caio@example.com", openCounts: [:]) == "ana@example.com")
        #expect(roundRobin.choose(last: "b@example.com", openCounts: [:]) == "bea@example.com")
        let leastOpen = AssignmentRequest(team: "t", rule: .leastOpen, candidates: team, settledStatuses: [])
        let counts = ["ana@example.com": 1, "bea@example.com": 2, "caio@example.com": 1]
        #expect(leastOpen.choose(last: "ana@example.com", openCounts: counts) == "caio@example.com")
        #expect(leastOpen.choose(last: "caio@example.com", openCounts: counts) == "ana@example.com")
        #expect(leastOpen.choose(last: nil, openCounts: ["ana@example.com": 3]) == "bea@example.com")
        let nobody = AssignmentRequest(team: "t", rule: .leastOpen, candidates: [], settledStatuses: [])
        #expect(nobody.choose(last: nil, openCounts: [:]) == nil)
    }

    @Test("candidates are kept in UTF-8 order, whether they come sorted or not")
    func candidatesSorted() {
        let sorted = ["ana@example.com", "bea@example.com", "caio@example.com", "Édi@example.com"]
        #expect(AssignmentRequest.isSorted(sorted))
        #expect(AssignmentRequest.isSorted([]))
        #expect(AssignmentRequest.isSorted(["a@example.com", "a@example.com"]))
        #expect(!AssignmentRequest.isSorted(["bea@example.com", "ana@example.com"]))
        #expect(!AssignmentRequest.isSorted(["Édi@example.com", "zed@example.com"]))
        for candidates in [sorted, sorted.reversed(), [sorted[2], sorted[0], sorted[3], sorted[1]]] {
            let request = AssignmentRequest(team: "t", rule: .roundRobin, candidates: candidates, settledStatuses: [])
            #expect(request.candidates == sorted)
        }
    }
}
