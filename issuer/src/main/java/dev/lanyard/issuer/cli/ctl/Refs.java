package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.client.IssuerClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code KIND/NAME} references and resource fetches shared by get, edit, rm and update. */
final class Refs {
    record Ref(Kind kind, String name) {
        String path() {
            return "/v1/resources/" + kind.id() + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return kind.id() + "/" + name;
        }
    }

    private Refs() {
    }

    static Ref parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new LanyardException(Failure.USAGE, "expected KIND/NAME such as role/my-role or user/alice, got '"
                    + text + "'");
        }
        return new Ref(Kind.parse(text.substring(0, slash)), text.substring(slash + 1));
    }

    static Resource fetch(IssuerClient client, Ref ref) {
        return ResourceParser.parse(client.get(ref.path(), Map.class), "issuer answer for " + ref);
    }

    @SuppressWarnings("unchecked")
    static List<Resource> list(IssuerClient client, Kind kind) {
        List<Object> docs = client.get("/v1/resources/" + kind.id(), List.class);
        return docs.stream().map(d -> ResourceParser.parse(d, "issuer answer")).toList();
    }

    static Resource save(IssuerClient client, Resource r, boolean replace) {
        return ResourceParser.parse(client.post("/v1/resources?replace=" + replace, r.document(), Map.class),
                "issuer answer for " + r.ref());
    }
}
