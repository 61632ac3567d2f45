import Testing

/// Every suite of this target runs one test at a time: the SIGINT tests raise a process-wide
/// signal, which any prompter waiting for input at that moment would take as Ctrl-C.
@Suite(.serialized)
enum PromptSuites {}
