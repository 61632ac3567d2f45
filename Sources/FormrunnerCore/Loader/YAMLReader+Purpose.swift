extension YAMLReader {
    /// What the files read are for: the messages name it, and suggest what to write instead.
    public enum Purpose: Sendable, Hashable {
        /// Catalog definitions under `Forms/` and `Workflows/`.
        case definitions
        /// An answers file given to `tickets create --answers` or `run --answers`.
        case answers
        /// The desk's configuration, `formrunner.yaml`.
        case configuration
        /// A definition test file (`*.test.yaml`), read by `formrunner test`.
        case tests

        /// "definitions" or "answers files", as in "… are limited to 1048576 bytes".
        var plural: String {
            switch self {
            case .definitions: return "definitions"
            case .answers: return "answers files"
            case .configuration: return "configuration files"
            case .tests: return "test files"
            }
        }

        var aliasMessage: String {
            switch self {
            case .definitions:
                return "anchors and aliases are not allowed in definitions; use a shared option list or field group instead"
            case .answers:
                return "anchors and aliases are not allowed in answers files; write each answer out in full"
            case .configuration:
                return "anchors and aliases are not allowed in formrunner.yaml; write each setting out in full"
            case .tests:
                return "anchors and aliases are not allowed in test files; write each answer out in full, or give the file's answers once under 'answers:'"
            }
        }

        var emptyMessage: String {
            switch self {
            case .definitions: return "file is empty; expected a definition"
            case .answers: return "file is empty; expected answers, a mapping from field id to answer"
            case .configuration: return "file is empty; expected settings such as 'store:' and 'notifiers:', or remove the file"
            case .tests: return "file is empty; expected 'tests:', a list of test cases"
            }
        }

        var severalDocumentsMessage: String {
            switch self {
            case .definitions: return "a definition file holds one document; split this one into its own file"
            case .answers: return "an answers file holds one document; remove the '---' that starts another"
            case .configuration: return "formrunner.yaml holds one document; remove the '---' that starts another"
            case .tests: return "a test file holds one document; put every case under its 'tests:' list"
            }
        }
    }
}
