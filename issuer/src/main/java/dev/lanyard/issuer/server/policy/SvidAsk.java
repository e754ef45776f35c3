package dev.lanyard.issuer.server.policy;

import java.net.InetAddress;
import java.util.List;

/** What an SVID request asks for, as the authorizer sees it: the SPIFFE path and the extra SANs. */
public record SvidAsk(String path, List<String> dnsSans, List<InetAddress> ipSans) {
}
