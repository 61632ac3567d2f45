// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for formrunner's loader, validator, condition language, MIME parser and
/// e-mail template check.
///
/// A package of its own, so that neither the main package nor CI ever builds it. Build and run it
/// with `Fuzz/run.sh MINUTES` (see Fuzz/README.md); a plain `swift build` here does not link,
/// because the entry points are libFuzzer's (`-sanitize=fuzzer`).
let package = Package(
    name: "formrunner-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "formrunner", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver`, which the targets' `main` calls: SwiftPM links
        // every executable with its own `main`, so libFuzzer's cannot be used.
        .target(name: "FuzzDriver"),
        // Bytes → YAMLReader, then the same bytes as one catalog file → decoders + linker.
        .executableTarget(
            name: "FuzzLoader",
            dependencies: ["FuzzDriver", .product(name: "FormrunnerCore", package: "formrunner")]
        ),
        // Text → Condition.parse → typeCheck against fixed fields → evaluate against answers.
        .executableTarget(
            name: "FuzzConditions",
            dependencies: ["FuzzDriver", .product(name: "FormrunnerCore", package: "formrunner")]
        ),
        // Bytes → InboundMessage (headers, MIME tree, encodings, charsets, HTML) → ReplyCleaner.
        .executableTarget(
            name: "FuzzMIME",
            dependencies: ["FuzzDriver", .product(name: "FormrunnerNotify", package: "formrunner")]
        ),
        // Text → the e-mail template check of `validate` → the renderer, when the check accepts it.
        .executableTarget(
            name: "FuzzTemplates",
            dependencies: [
                "FuzzDriver", .product(name: "FormrunnerCore", package: "formrunner"),
                .product(name: "FormrunnerNotify", package: "formrunner"),
            ]
        ),
    ]
)
