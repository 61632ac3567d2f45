// swift-tools-version:6.0
import PackageDescription

/// On-demand benchmarks, kept out of the main package so that `swift build` and CI never build them.
///
///     swift run -c release --package-path Benchmarks formrunner-bench tickets
///     bash Benchmarks/peers.sh all
///     bash Benchmarks/web.sh
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableExperimentalFeature("StrictConcurrency"),
]

let package = Package(
    name: "formrunner-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "formrunner", path: ".."),
        // The raw baselines and bulk loaders write the stores' tables directly.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // The bare parse that `formrunner validate` is compared with.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The bare web server that `formrunner serve` is compared with (web.sh).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "formrunner-bench",
            dependencies: [
                .product(name: "FormrunnerCore", package: "formrunner"),
                .product(name: "FormrunnerSQLite", package: "formrunner"),
                .product(name: "FormrunnerPostgres", package: "formrunner"),
                .product(name: "FormrunnerNotify", package: "formrunner"),
                .product(name: "FormrunnerDesk", package: "formrunner"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // peers.sh validate: Yams.compose of each generated file, nothing else.
        .executableTarget(
            name: "yams-parse",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // peers.sh hours: working-hours additions with FormrunnerCore's business calendar.
        .executableTarget(
            name: "hours-bench",
            dependencies: [.product(name: "FormrunnerCore", package: "formrunner")],
            swiftSettings: strictSettings
        ),
        // The knowledge base's index build and search at 10,000 articles, and search quality on
        // the desk's own articles (Tests/Fixtures/knowledge-questions.tsv).
        .executableTarget(
            name: "knowledge-bench",
            dependencies: [.product(name: "FormrunnerKnowledge", package: "formrunner"),
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // web.sh: one Hummingbird route answering a fixed page, the floor of a portal page.
        .executableTarget(
            name: "hello-web",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strictSettings
        ),
        // peers.sh coldstart: the start-up floor of a Swift binary.
        .executableTarget(
            name: "hello",
            swiftSettings: strictSettings
        ),
    ]
)
