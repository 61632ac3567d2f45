// The smallest Swift program, built with the same toolchain and flags as formrunner: the floor of
// a Swift binary's start-up that `formrunner --help` is compared with.
print("Hello, world!")
