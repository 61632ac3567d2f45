import Hummingbird
import NIOCore

/// The request context of the portal: Hummingbird's core storage plus the client's address (for
/// per-client attempt limits).
struct PortalContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address, as the socket saw it.
    let peer: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
    }

    /// The peer's IP address as text, written only when asked for (the attempt limits of sign-in
    /// requests): formatting it was 1% of a page's instructions.
    static func clientAddress(_ peer: SocketAddress?) -> String {
        peer?.ipAddress ?? "unknown"
    }

    /// Bodies the portal reads whole (sign-in and other small forms) are at most 1 MiB; uploads are
    /// streamed and bounded by their form's limits instead.
    var maxUploadSize: Int { 1 << 20 }
}
