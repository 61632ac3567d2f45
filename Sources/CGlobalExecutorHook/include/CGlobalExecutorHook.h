#ifndef C_GLOBAL_EXECUTOR_HOOK_H
#define C_GLOBAL_EXECUTOR_HOOK_H

/// The address of the Swift runtime's `swift_task_enqueueGlobal_hook` (a function pointer that
/// `swift_task_enqueueGlobal` calls instead of the default global executor when it is set).
///
/// SwiftNIO finds the hook with `dlsym`, which cannot see it in an executable that links the Swift
/// runtime statically (`-static-stdlib` hides the runtime's symbols); a reference resolved by the
/// linker finds it in both kinds of build.
void *_Nullable *_Nonnull formrunner_swift_task_enqueueGlobal_hook_address(void);

#endif
