/// An entry flow: the steps a requester walks before the form, ending in a submit step.
public struct WorkflowDefinition: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var team: String
    public var description: LocalizedText?
    /// The life cycle of the tickets this flow files.
    public var lifecycleID: String
    public var lifecycleLocation: SourceLocation
    public var steps: [StepDefinition]
    public var file: String
    public var location: SourceLocation

    /// Every form the flow can lead to: the form step's, or each subject's.
    public var formIDs: [String] {
        steps.flatMap { step -> [String] in
            switch step.kind {
            case .form(let form): return [form.id]
            case .subject(let subject): return subject.subjects.map(\.formID)
            default: return []
            }
        }
    }
}

/// A reference to another definition, kept with the place it was written.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// One step of an entry flow.
public struct StepDefinition: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText?
    public var help: LocalizedText?
    public var kind: Kind
    public var location: SourceLocation

    /// The step types, each with its own settings.
    public enum Kind: Hashable, Sendable {
        case authentication(Authentication)
        case permission(Permission)
        case assistant(Assistant)
        case oneTimeCode(OneTimeCode)
        case identification(Identification)
        case subject(SubjectChoice)
        case form(Reference)
        case submit(label: LocalizedText)

        /// The YAML name of the step type.
        public var typeName: String {
            switch self {
            case .authentication: return "authentication"
            case .permission: return "permission"
            case .assistant: return "assistant"
            case .oneTimeCode: return "one_time_code"
            case .identification: return "identification"
            case .subject: return "subject"
            case .form: return "form"
            case .submit: return "submit"
            }
        }
    }

    /// The step type names, for hints.
    public static let typeNames = ["authentication", "permission", "assistant", "one_time_code",
                                   "identification", "subject", "form", "submit"]

    /// Log-in with one of several methods.
    public struct Authentication: Hashable, Sendable {
        /// The ways to sign in.
        public enum Method: String, CaseIterable, Hashable, Sendable {
            case emailToken = "email_token"
            case google
            case password
        }
        /// Second factors for password log-in.
        public enum SecondFactor: String, CaseIterable, Hashable, Sendable {
            case totp
            case sms
        }
        public var methods: [Method]
        public var secondFactors: [SecondFactor]

        /// A log-in offering `methods`, with `secondFactors` for passwords.
        public init(methods: [Method], secondFactors: [SecondFactor]) {
            self.methods = methods
            self.secondFactors = secondFactors
        }
    }

    /// A gate on the user's permissions and accounts' countries.
    public struct Permission: Hashable, Sendable {
        public var required: [String]
        public var countries: [String]
        public var message: LocalizedText?
    }

    /// An assistant conversation before a person is involved.
    public struct Assistant: Hashable, Sendable {
        public var languages: [OptionDefinition]
        public var scenarios: [OptionDefinition]
        public var guidance: [OptionDefinition]
        public var handoff: LocalizedText
        /// The words around the answers from the knowledge base.
        public var texts: AssistantTexts = .standard
    }

    /// A one-time code sent to the requester.
    public struct OneTimeCode: Hashable, Sendable {
        /// Where the code is sent.
        public enum Channel: String, CaseIterable, Hashable, Sendable {
            case email
            case sms
        }
        public var channel: Channel
        public var digits: Int
        /// Seconds a code stays valid.
        public var expires: Int
        public var attempts: Int
        /// Seconds before another code may be sent.
        public var resendAfter: Int
        public var label: LocalizedText?
    }

    /// Identification with a shared field group (for example Name and Account).
    public struct Identification: Hashable, Sendable {
        public var group: Reference
        public var continueLabel: LocalizedText?
    }

    /// A choice of subject, each leading to its own form.
    public struct SubjectChoice: Hashable, Sendable {
        /// One subject and its form.
        public struct Subject: Hashable, Sendable {
            public var id: String
            public var label: LocalizedText
            public var formID: String
            public var location: SourceLocation
            public var formLocation: SourceLocation
        }
        public var label: LocalizedText
        public var continueLabel: LocalizedText?
        public var subjects: [Subject]
    }
}
