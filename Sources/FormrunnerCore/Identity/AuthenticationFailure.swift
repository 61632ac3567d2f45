import Foundation

/// Why a sign-in did not succeed, with the words to show the user.
///
/// Messages never contain a password, code, token or secret, and do not tell an unknown e-mail
/// from a wrong password.
public enum AuthenticationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The method is not among those the step offers (or is not configured, for Google).
    case methodNotOffered(StepDefinition.Authentication.Method)
    /// The e-mail is unknown, has no password, or the password is wrong.
    case wrongEmailOrPassword
    /// The password was right; one of these second factors must be given too.
    case secondFactorRequired([StepDefinition.Authentication.SecondFactor])
    /// The password was right but the user has none of the second factors the step asks for.
    case secondFactorNotSetUp
    /// The authenticator app code is not right.
    case wrongAuthenticatorCode
    /// The authenticator app code was already used to sign in.
    case authenticatorCodeReused
    /// An e-mail or SMS code was refused.
    case code(OneTimeCodeFailure)
    /// The Google ID token was refused.
    case googleToken(IDTokenError)
    /// The identity was proven but the person is not in the user directory.
    case noAccess(email: String)
    /// Signing in cannot be checked now (the directory or code store is unavailable).
    case unavailable(String)
    /// An external authenticator refused the credentials, with its own words.
    case refused(String)
    /// Too many failed sign-ins for the address (or from the client): wait `seconds` before trying again.
    case tooManyAttempts(seconds: Int)
    /// Too many failed sign-ins: locked out until the instant, unless an administrator unlocks it first.
    case lockedOut(until: Date)

    /// The message for the user.
    public var message: String {
        switch self {
        case .methodNotOffered(let method):
            return "signing in with \(AuthenticationFailure.name(of: method)) is not offered here"
        case .wrongEmailOrPassword: return "the e-mail or the password is not right"
        case .secondFactorRequired(let factors):
            switch (factors.contains(.totp), factors.contains(.sms)) {
            case (true, true): return "enter the code from your authenticator app, or ask for a code by SMS"
            case (true, false): return "enter the code from your authenticator app"
            default: return "ask for a code by SMS and enter it"
            }
        case .secondFactorNotSetUp:
            return "this sign-in needs a second factor (an authenticator app or SMS) and none is set up for you; ask an administrator"
        case .wrongAuthenticatorCode: return "the authenticator code is not right"
        case .authenticatorCodeReused: return "this authenticator code was already used; wait for the next one"
        case .code(let failure): return failure.message
        case .googleToken(let error): return "Google sign-in failed: \(error)"
        case .noAccess(let email): return "\(email) has no access here; ask an administrator to add you"
        case .unavailable(let reason): return "signing in is not possible right now: \(reason)"
        case .refused(let reason): return "the sign-in was refused: \(reason)"
        case .tooManyAttempts(let seconds):
            let wait = seconds < 120 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
            return "too many failed sign-ins; wait \(wait) and try again"
        case .lockedOut(let until):
            return "too many failed sign-ins: signing in is locked until \(until.formatted(.iso8601)); "
                + "ask an administrator to unlock it"
        }
    }

    public var description: String { message }

    private static func name(of method: StepDefinition.Authentication.Method) -> String {
        switch method {
        case .emailToken: return "an e-mailed code"
        case .google: return "Google"
        case .password: return "a password"
        }
    }
}
