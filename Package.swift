// swift-tools-version:6.0
import PackageDescription

/// Settings every target shares: explicit existentials and complete strict concurrency.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableExperimentalFeature("StrictConcurrency"),
]

/// The static Foundation's libraries as one linker group (see the `formrunner` target).
let staticFoundation = ["--start-group", "-lFoundation", "-lFoundationEssentials", "-lFoundationInternationalization",
                        "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
                        "--end-group"].flatMap { ["-Xlinker", $0] }

let package = Package(
    name: "formrunner",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "formrunner", targets: ["formrunner"]),
        .library(name: "FormrunnerCore", targets: ["FormrunnerCore"]),
        .library(name: "FormrunnerAuth", targets: ["FormrunnerAuth"]),
        // The plugins as libraries too, so that the benchmarks package (Benchmarks/) can wire a desk.
        .library(name: "FormrunnerSQLite", targets: ["FormrunnerSQLite"]),
        .library(name: "FormrunnerNotify", targets: ["FormrunnerNotify"]),
        .library(name: "FormrunnerPlugins", targets: ["FormrunnerPlugins"]),
        .library(name: "FormrunnerPostgres", targets: ["FormrunnerPostgres"]),
        .library(name: "FormrunnerKnowledge", targets: ["FormrunnerKnowledge"]),
        // The composition root: what the command line, `serve` and the benchmarks all wire a desk with.
        .library(name: "FormrunnerDesk", targets: ["FormrunnerDesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // The definitions model, YAML loader, validator, condition language, business
        // calendar and the pure workflow engine. No I/O beyond reading definition files.
        .target(
            name: "FormrunnerCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // Content-addressed attachment files, shared by the stores that keep files on disk.
        .target(
            name: "FormrunnerVault",
            dependencies: ["FormrunnerCore"],
            swiftSettings: strictSettings
        ),
        // The desk's knowledge base: Markdown articles under Knowledge/, checked, and searched
        // by BM25 in the requester's language (index cached in a SQLite file, GRDB).
        .target(
            name: "FormrunnerKnowledge",
            dependencies: ["FormrunnerCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // The embedded default ticket store on SQLite (GRDB).
        .target(
            name: "FormrunnerSQLite",
            dependencies: ["FormrunnerCore", "FormrunnerVault", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // The ticket store for many machines, on PostgreSQL (postgres-nio). Its own target so that
        // the core and its tests build without postgres-nio.
        .target(
            name: "FormrunnerPostgres",
            dependencies: [
                "FormrunnerCore", "FormrunnerVault",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support shared by the test targets: a throwaway PostgreSQL server.
        .target(
            name: "FormrunnerTestSupport",
            path: "Tests/FormrunnerTestSupport",
            swiftSettings: strictSettings
        ),
        // The one process runner of the sendmail notifier and the plugins: bounded time, output and
        // process group.
        .target(
            name: "FormrunnerProcess",
            swiftSettings: strictSettings
        ),
        // Notifier plugins (console, Maildir/.eml) and the outbox dispatcher.
        .target(
            name: "FormrunnerNotify",
            dependencies: ["FormrunnerCore", "FormrunnerProcess", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strictSettings
        ),
        // Identity: password hashing, TOTP, one-time codes, Google ID tokens, the authenticator,
        // and the key file that seals TOTP secrets at rest.
        .target(
            name: "FormrunnerAuth",
            dependencies: [
                "FormrunnerCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // External plugins: executables on PATH named formrunner-notifier-NAME and
        // formrunner-auth-NAME, run with a timeout and spoken to in JSON (docs/plugins.md).
        // No swift-crypto: the authenticator protocol lives in the core, beside the user directory.
        .target(
            name: "FormrunnerPlugins",
            dependencies: ["FormrunnerCore", "FormrunnerProcess"],
            swiftSettings: strictSettings
        ),
        // The terminal: raw-mode renderer, plain line mode, review screen.
        .target(
            name: "FormrunnerPrompt",
            dependencies: ["FormrunnerCore", "FormrunnerKnowledge", .product(name: "Rainbow", package: "Rainbow")],
            swiftSettings: strictSettings
        ),
        // The step interpreter of entry flows: what each step needs and what an answer does to the
        // run (sign-in, gates, assistant, codes, identification, subject, form, submit, drafts),
        // independent of how a step is shown. The terminal and the web both drive it.
        .target(
            name: "FormrunnerFlow",
            dependencies: ["FormrunnerCore", "FormrunnerAuth", "FormrunnerNotify", "FormrunnerKnowledge"],
            swiftSettings: strictSettings
        ),
        // The interactive run of entry flows in a terminal: the step interpreter behind prompts.
        .target(
            name: "FormrunnerRun",
            dependencies: ["FormrunnerCore", "FormrunnerFlow", "FormrunnerPrompt", "FormrunnerAuth", "FormrunnerNotify", "FormrunnerKnowledge"],
            swiftSettings: strictSettings
        ),
        // The composition root: settings resolved once (flag > environment > formrunner.yaml > default),
        // the store opened once, notifiers built when first needed, identity stores, the renderer.
        .target(
            name: "FormrunnerDesk",
            dependencies: [
                "FormrunnerCore", "FormrunnerSQLite", "FormrunnerPostgres", "FormrunnerNotify", "FormrunnerAuth",
                "FormrunnerPlugins", "FormrunnerVault", "FormrunnerKnowledge", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The address of the Swift runtime's global-executor hook, for `serve` to run its tasks on
        // NIO's event loops in statically linked builds too.
        .target(name: "CGlobalExecutorHook"),
        // The web portal on Hummingbird: the entry flows as pages, the Request History, the survey.
        .target(
            name: "FormrunnerWeb",
            dependencies: [
                "CGlobalExecutorHook", "FormrunnerCore", "FormrunnerFlow", "FormrunnerDesk", "FormrunnerAuth", "FormrunnerNotify", "FormrunnerKnowledge",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line: parses flags, wires plugins, prints. No business logic.
        .executableTarget(
            name: "formrunner",
            dependencies: [
                "FormrunnerCore", "FormrunnerSQLite", "FormrunnerPostgres", "FormrunnerNotify", "FormrunnerPrompt",
                "FormrunnerAuth", "FormrunnerRun", "FormrunnerPlugins", "FormrunnerDesk", "FormrunnerWeb", "FormrunnerKnowledge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Rainbow", package: "Rainbow"),
            ],
            swiftSettings: strictSettings,
            // Release builds on Linux link the Swift runtime, Foundation (with ICU's data) and Dispatch
            // statically: relocating them as shared libraries was half of `formrunner --help`
            // (Benchmarks/README.md, "cold start"). Only the link changes, so the libraries that the
            // static Foundation needs and that `-static-stdlib` would name at compile time are named
            // here, in a group (each calls the others). Debug builds and the tests stay dynamic.
            linkerSettings: [.unsafeFlags(["-static-stdlib"] + staticFoundation, .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "FormrunnerCoreTests",
            dependencies: ["FormrunnerCore"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerSQLiteTests",
            // GRDB directly too: some tests open the file as another process would.
            dependencies: [
                "FormrunnerCore", "FormrunnerSQLite", "FormrunnerPostgres", "FormrunnerTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerNotifyTests",
            dependencies: ["FormrunnerCore", "FormrunnerNotify"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerAuthTests",
            // FormrunnerPostgres and the test server: the identity conformance suites also run on PostgreSQL.
            dependencies: [
                "FormrunnerCore", "FormrunnerAuth", "FormrunnerSQLite", "FormrunnerPostgres", "FormrunnerTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerProcessTests",
            dependencies: ["FormrunnerProcess"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerPluginsTests",
            dependencies: ["FormrunnerCore", "FormrunnerAuth", "FormrunnerNotify", "FormrunnerPlugins"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerPromptTests",
            dependencies: ["FormrunnerCore", "FormrunnerPrompt"],
            swiftSettings: strictSettings
        ),
        // Test support for the flows: the real catalog on in-memory stores, a scripted prompter.
        .target(
            name: "FormrunnerFlowTestSupport",
            dependencies: ["FormrunnerCore", "FormrunnerFlow", "FormrunnerRun", "FormrunnerPrompt", "FormrunnerAuth", "FormrunnerNotify"],
            path: "Tests/FormrunnerFlowTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerRunTests",
            dependencies: ["FormrunnerCore", "FormrunnerFlow", "FormrunnerRun", "FormrunnerPrompt", "FormrunnerAuth", "FormrunnerNotify",
                           "FormrunnerFlowTestSupport", "FormrunnerKnowledge"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerWebTests",
            dependencies: [
                "FormrunnerCore", "FormrunnerFlow", "FormrunnerWeb", "FormrunnerAuth", "FormrunnerNotify",
                "FormrunnerRun", "FormrunnerFlowTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerKnowledgeTests",
            dependencies: ["FormrunnerCore", "FormrunnerKnowledge"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerDeskTests",
            dependencies: ["FormrunnerCore", "FormrunnerDesk", "FormrunnerNotify", "FormrunnerTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FormrunnerCLITests",
            // GRDB directly too: the crash-safety test audits the file on a read-only connection.
            // FormrunnerAuth: the end-to-end runs compute authenticator (TOTP) codes.
            // ArgumentParser: a test walks the command tree.
            dependencies: [
                "FormrunnerCore", "FormrunnerAuth", "FormrunnerNotify", "FormrunnerPostgres", "FormrunnerTestSupport", "formrunner",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
