import FormrunnerCore

extension DirectoryAuthenticator {
    /// What a ``DirectoryAuthenticator`` offers and how strict it is.
    public struct Configuration: Sendable {
        /// The sign-in methods offered.
        public var methods: [StepDefinition.Authentication.Method]
        /// The second factors a password sign-in accepts. When not empty, a password alone is not
        /// enough: one of these, set up for the user, must be given too.
        public var secondFactors: [StepDefinition.Authentication.SecondFactor]
        /// Codes e-mailed for the `email_token` method.
        public var emailCodes: OneTimeCodePolicy
        /// Codes sent by SMS as a second factor.
        public var smsCodes: OneTimeCodePolicy
        /// Authenticator app settings.
        public var totp: TOTP
        /// The Google ID token check; the `google` method fails with
        /// ``AuthenticationFailure/methodNotOffered(_:)`` without one.
        public var google: GoogleIDTokenVerifier?
        /// How passwords are checked (and how long a check of an unknown e-mail takes).
        public var passwordHasher: PasswordHasher
        /// Back-off and lock-out of an e-mail address after failed passwords, authenticator, SMS and
        /// e-mailed codes; counted in the code store, so every process shares them.
        public var accountLimits: SignInAttemptLimits = .account
        /// Back-off and lock-out of ``source`` after failed sign-ins, whichever address they tried.
        public var sourceLimits: SignInAttemptLimits = .source
        /// Where the sign-in comes from (a client's IP address), or nil to count per account only.
        public var source: String?

        /// A configuration; by default every method is offered and no second factor is asked for.
        public init(methods: [StepDefinition.Authentication.Method] = StepDefinition.Authentication.Method.allCases,
                    secondFactors: [StepDefinition.Authentication.SecondFactor] = [],
                    emailCodes: OneTimeCodePolicy = OneTimeCodePolicy(), smsCodes: OneTimeCodePolicy = OneTimeCodePolicy(),
                    totp: TOTP = TOTP(), google: GoogleIDTokenVerifier? = nil,
                    passwordHasher: PasswordHasher = PasswordHasher()) {
            self.methods = methods
            self.secondFactors = secondFactors
            self.emailCodes = emailCodes
            self.smsCodes = smsCodes
            self.totp = totp
            self.google = google
            self.passwordHasher = passwordHasher
        }

        /// The configuration a workflow's `authentication` step asks for (its methods and second
        /// factors), with default code policies.
        public init(step: StepDefinition.Authentication, google: GoogleIDTokenVerifier? = nil,
                    passwordHasher: PasswordHasher = PasswordHasher()) {
            self.init(methods: step.methods, secondFactors: step.secondFactors, google: google,
                      passwordHasher: passwordHasher)
        }
    }

    /// A code sent by SMS as a password sign-in's second factor, and where to send it.
    public struct SMSChallenge: Hashable, Sendable {
        /// The user's phone number.
        public var phone: String
        /// The code to send.
        public var code: IssuedCode
    }
}
