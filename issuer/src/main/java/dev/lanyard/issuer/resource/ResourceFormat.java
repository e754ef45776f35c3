package dev.lanyard.issuer.resource;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.wire.Json;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders resources as YAML (documents separated by {@code ---}) or JSON. */
public enum ResourceFormat {
    YAML,
    JSON;

    public static ResourceFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LanyardException(Failure.USAGE, "unknown format '" + text + "'; use yaml or json");
        }
    }

    public String one(Resource r) {
        return this == JSON ? Json.write(r.document()) + "\n" : yaml().dump(r.document());
    }

    public String many(List<Resource> resources) {
        if (this == JSON) {
            return Json.write(resources.stream().map(Resource::document).toList()) + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < resources.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(yaml().dump(resources.get(i).document()));
        }
        return sb.toString();
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        return new Yaml(o);
    }
}
