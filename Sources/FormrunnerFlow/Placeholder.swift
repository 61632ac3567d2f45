// The step interpreter.
