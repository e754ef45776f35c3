package dev.lanyard.issuer.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One entry of {@code outputs:} in {@code bot.yaml}: only {@code spiffe-svid} to a directory. */
final class OutputFile {
    private static final Set<String> KEYS = Set.of("type", "destination", "svid", "reload_command",
            "credential_ttl", "renewal_interval");

    private OutputFile() {
    }

    static OutputConfig parse(YamlNode node) {
        Map<String, YamlNode> o = node.mapping(KEYS);
        if (!o.containsKey("type")) {
            throw node.invalid("type is required (spiffe-svid)");
        }
        if (!o.get("type").text().equals("spiffe-svid")) {
            throw o.get("type").invalid("unsupported output type '" + o.get("type").text() + "'; use spiffe-svid");
        }
        if (!o.containsKey("destination")) {
            throw node.invalid("destination is required (type: directory, path: DIR)");
        }
        Map<String, YamlNode> d = o.get("destination").mapping(Set.of("type", "path"));
        if (d.containsKey("type") && !d.get("type").text().equals("directory")) {
            throw d.get("type").invalid("only destination type directory is supported");
        }
        if (!d.containsKey("path")) {
            throw o.get("destination").invalid("path is required");
        }
        if (!o.containsKey("svid")) {
            throw node.invalid("svid is required (path: /svc/NAME)");
        }
        Map<String, YamlNode> svid = o.get("svid").mapping(Set.of("path", "hint", "sans"));
        if (!svid.containsKey("path")) {
            throw o.get("svid").invalid("path is required, e.g. /svc/example-service");
        }
        List<String> dns = List.of();
        List<String> ip = List.of();
        if (svid.containsKey("sans")) {
            Map<String, YamlNode> sans = svid.get("sans").mapping(Set.of("dns", "ip"));
            dns = sans.containsKey("dns") ? Values.dnsNames(sans.get("dns")) : List.of();
            ip = sans.containsKey("ip") ? Values.ips(sans.get("ip")) : List.of();
        }
        List<String> reload = List.of();
        if (o.containsKey("reload_command")) {
            reload = o.get("reload_command").texts();
            if (reload.isEmpty()) {
                throw o.get("reload_command").invalid("must name a program, e.g. [systemctl, reload, my-app]");
            }
        }
        return new OutputConfig(Path.of(d.get("path").text()), Values.svidPath(svid.get("path")), dns, ip, reload,
                o.containsKey("credential_ttl") ? Values.duration(o.get("credential_ttl")) : null,
                o.containsKey("renewal_interval") ? Values.duration(o.get("renewal_interval")) : null);
    }
}
