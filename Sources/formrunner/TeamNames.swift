import ArgumentParser
import Foundation
import FormrunnerCore

/// Team ids given on the command line, checked against the catalog's teams.
enum TeamNames {
    /// `teams` without repeats, each one a team of `catalog`.
    static func checked(_ teams: [String], in catalog: Catalog) throws -> [String] {
        var unique: [String] = []
        for team in teams where !unique.contains(team) { unique.append(team) }
        guard !unique.isEmpty else { return [] }
        guard !catalog.teams.isEmpty else {
            throw CommandFailure("the catalog declares no teams (add Workflows/teams.yaml), so '\(unique[0])' cannot be checked")
        }
        for team in unique where catalog.teams[team] == nil {
            throw CommandFailure("unknown team '\(team)'" + Suggestion.hintOrList(for: team, in: catalog.teams.keys.sorted()))
        }
        return unique
    }
}

extension UserRole: ExpressibleByArgument {}
