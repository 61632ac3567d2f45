import Foundation
import FormrunnerCore
import Testing

/// The repository's own `technical-support` workflow, for settings taken from its steps.
enum TechnicalSupport {
    /// The repository root, which holds the real catalog.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The step kinds of the workflow, in order.
    static func stepKinds() throws -> [StepDefinition.Kind] {
        let result = CatalogLoader(root: repository).load()
        let workflow = try #require(result.catalog.workflows["technical-support"])
        return workflow.steps.map(\.kind)
    }

    /// The settings of its `one_time_code` step.
    static func oneTimeCodeStep() throws -> StepDefinition.OneTimeCode {
        try #require(try stepKinds().lazy.compactMap { kind -> StepDefinition.OneTimeCode? in
            if case .oneTimeCode(let settings) = kind { return settings }
            return nil
        }.first)
    }

    /// The settings of its `authentication` step.
    static func authenticationStep() throws -> StepDefinition.Authentication {
        try #require(try stepKinds().lazy.compactMap { kind -> StepDefinition.Authentication? in
            if case .authentication(let settings) = kind { return settings }
            return nil
        }.first)
    }
}
