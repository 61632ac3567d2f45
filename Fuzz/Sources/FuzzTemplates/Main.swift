import FuzzDriver
import Foundation

/// Runs libFuzzer on ``fuzzTemplates(_:_:)`` with the command line's libFuzzer flags.
@main
enum FuzzTemplatesMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzTemplates($0, $1) })
    }
}
