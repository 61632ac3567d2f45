// swift-tools-version:6.0
import PackageDescription

/// On-demand benchmarks, kept out of the main package so that `swift build` and CI never build them.
///
///     swift run -c release --package-path Benchmarks formrunner-bench tickets
let package = Package(
    name: "formrunner-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "formrunner", path: ".."),
        // The raw baseline writes the store's tables directly.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "formrunner-bench",
            dependencies: [
                .product(name: "FormrunnerCore", package: "formrunner"),
                .product(name: "FormrunnerSQLite", package: "formrunner"),
                .product(name: "FormrunnerNotify", package: "formrunner"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableExperimentalFeature("StrictConcurrency"),
            ]
        ),
    ]
)
