import Hummingbird
import NIOCore

/// The request context of the portal: Hummingbird's core storage plus the client's address (for
/// per-client attempt limits).
struct PortalContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, as the socket saw it.
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies the portal reads whole (sign-in and other small forms) are at most 1 MiB; uploads are
    /// streamed and bounded by their form's limits instead.
    var maxUploadSize: Int { 1 << 20 }
}
