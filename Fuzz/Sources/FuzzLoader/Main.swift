import FuzzDriver
import Foundation

/// Runs libFuzzer on ``fuzzLoader(_:_:)`` with the command line's libFuzzer flags.
@main
enum FuzzLoaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzLoader($0, $1) })
    }
}
