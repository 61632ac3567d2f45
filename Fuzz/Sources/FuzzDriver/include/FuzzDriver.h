#ifndef FORMRUNNER_FUZZ_DRIVER_H
#define FORMRUNNER_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later): parses the libFuzzer flags in argv and runs
/// the fuzzing loop on `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
