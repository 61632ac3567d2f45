import FuzzDriver
import Foundation

/// Runs libFuzzer on ``fuzzMIME(_:_:)`` with the command line's libFuzzer flags.
@main
enum FuzzMIMEMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzMIME($0, $1) })
    }
}
