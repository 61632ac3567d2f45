import FuzzDriver
import Foundation

/// Runs libFuzzer on ``fuzzConditions(_:_:)`` with the command line's libFuzzer flags.
@main
enum FuzzConditionsMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzConditions($0, $1) })
    }
}
