import Foundation

/// A second factor given with a password.
public enum SecondFactorCode: Hashable, Sendable {
    /// The code an authenticator app shows now.
    case totp(String)
    /// The code sent by SMS (see `DirectoryAuthenticator.requestSMSCode(email:password:now:)`).
    case sms(String)

    /// The second factor this code is for.
    public var kind: StepDefinition.Authentication.SecondFactor {
        switch self {
        case .totp: return .totp
        case .sms: return .sms
        }
    }
}

/// What a person offers to prove who they are.
///
/// ``description``, ``debugDescription`` and the reflected form (`dump`) show the method and the
/// e-mail only, never passwords, codes or tokens.
public enum Credentials: Hashable, Sendable {
    /// An e-mail address and the code that was sent to it.
    case emailToken(email: String, code: String)
    /// An e-mail address, its password, and a second factor when the sign-in asks for one.
    case password(email: String, password: String, secondFactor: SecondFactorCode?)
    /// A Google Sign-In ID token.
    case google(idToken: String)

    /// The sign-in method these credentials use.
    public var method: StepDefinition.Authentication.Method {
        switch self {
        case .emailToken: return .emailToken
        case .password: return .password
        case .google: return .google
        }
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The method and e-mail, never a secret.
    public var description: String {
        switch self {
        case .emailToken(let email, _): return "e-mail code for \(email)"
        case .password(let email, _, let factor):
            return "password for \(email)" + (factor.map { " with a \($0.kind.rawValue) code" } ?? "")
        case .google: return "Google ID token"
        }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the method and e-mail only.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": description])
    }
}
