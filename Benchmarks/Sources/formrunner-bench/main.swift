import Foundation
import FormrunnerCore

// formrunner-bench tickets [--store sqlite|URL] [--tickets N] [--scale N] [--due N] [--lookups N] [--catalog DIR] [--data DIR] [--rebuild]
// formrunner-bench queue [--store sqlite|URL] [--scale N] [--data DIR] [--rebuild]
// formrunner-bench import [--store sqlite|URL] [--lines N] [--catalog DIR] [--data DIR]
// formrunner-bench --help
//
// Prints one Markdown table; progress goes to standard error. Exits 1 when a benchmark's result is
// wrong (a check after it fails), 2 on a bad command line.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(BenchOptions.usage)
    exit(0)
}
if arguments.first == "queue" {
    do {
        let benchmark = try QueueBenchmark(parsing: arguments)
        try FileManager.default.createDirectory(atPath: benchmark.data, withIntermediateDirectories: true)
        print(ReportTable.markdown(try await benchmark.run()), terminator: "")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("formrunner-bench: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "assign-parts" {
    do {
        var count = 20_000, agents = 5
        var rest = arguments.dropFirst()
        while let option = rest.popFirst() {
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { throw BenchFailure("\(option) takes a positive count") }
            switch option {
            case "--tickets": count = value
            case "--agents": agents = value
            default: throw BenchFailure("unknown option '\(option)'")
            }
        }
        let loaded = CatalogLoader(root: try BenchOptions(parsing: ["tickets"]).catalog).load()
        let benchmark = AssignPartsBenchmark(catalog: loaded.catalog, count: count, agents: agents)
        print(ReportTable.markdown(try await benchmark.run()), terminator: "")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("formrunner-bench: \(error)\n".utf8))
        exit(1)
    }
}
let options: BenchOptions
do {
    options = try BenchOptions(parsing: arguments)
} catch {
    FileHandle.standardError.write(Data("formrunner-bench: \(error)\n\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}

do {
    let loaded = CatalogLoader(root: options.catalog).load()
    guard loaded.isValid else { throw BenchFailure("the catalog at \(options.catalog) has errors; run formrunner validate") }
    try FileManager.default.createDirectory(atPath: options.data, withIntermediateDirectories: true)
    let catalog = loaded.catalog
    let backend = try options.backend()
    var rows: [Measurement] = []
    if options.benchmark == "import" {
        rows += try await ImportBenchmark(catalog: catalog, backend: backend, count: options.lines, data: options.data).run()
    } else if options.tickets > 0 {
        rows += try await CreateBenchmark(catalog: catalog, backend: backend, count: options.tickets, agents: options.agents,
                                      usersInStore: options.users != "memory", countReadByDesk: options.users == "store-read").run()
    }
    if options.benchmark == "tickets", options.scale > 0 {
        rows += try await QueryBenchmark(catalog: catalog, backend: backend, scale: options.scale, lookups: options.lookups,
                                         rebuild: options.rebuild).run()
    }
    if options.benchmark == "tickets", options.due > 0 {
        rows += try await TickBenchmark(catalog: catalog, backend: backend, count: options.due).run()
    }
    print(ReportTable.markdown(rows), terminator: "")
} catch {
    FileHandle.standardError.write(Data("formrunner-bench: \(error)\n".utf8))
    exit(1)
}
