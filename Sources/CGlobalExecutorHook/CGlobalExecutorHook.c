#include "CGlobalExecutorHook.h"

// Declared by the Swift runtime (swift/Runtime/Concurrency.h) as a Swift-convention function
// pointer; only its address is taken here.
extern void *swift_task_enqueueGlobal_hook;

void **formrunner_swift_task_enqueueGlobal_hook_address(void) {
    return &swift_task_enqueueGlobal_hook;
}
