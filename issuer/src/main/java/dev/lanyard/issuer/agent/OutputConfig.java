package dev.lanyard.issuer.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One {@code spiffe-svid} output: the directory that receives {@code svid.pem}, {@code svid_key.pem}
 * and {@code svid_bundle.pem}, the SPIFFE path to request, optional SANs, the command to run after
 * each write, and optional per-output overrides of the bot's TTL and renewal interval.
 */
record OutputConfig(Path directory, String svidPath, List<String> dnsSans, List<String> ipSans,
                    List<String> reloadCommand, Duration credentialTtl, Duration renewalInterval) {
    OutputConfig {
        dnsSans = List.copyOf(dnsSans);
        ipSans = List.copyOf(ipSans);
        reloadCommand = List.copyOf(reloadCommand);
    }

    /** The name used in log lines and metrics labels: the destination directory. */
    String name() {
        return directory.toString();
    }
}
