extension Result {
    /// Whether the run finished with a value.
    var succeeded: Bool {
        if case .success = self { return true }
        return false
    }

    /// The error the run ended with, if any.
    var interruption: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
