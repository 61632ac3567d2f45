import Testing

/// `formrunner run` end to end: the real binary driven through a pseudo-terminal (tmux) or through
/// pipes, one run at a time so that the runs do not fight for the CPU. The suites for each flow
/// are nested in extensions, in their own files.
@Suite("formrunner run, end to end", .serialized)
enum RunEndToEndTests {}
