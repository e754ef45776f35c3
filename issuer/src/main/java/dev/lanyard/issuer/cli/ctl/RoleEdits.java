package dev.lanyard.issuer.cli.ctl;

import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --add-roles}/{@code --remove-roles}/{@code --set-roles} applied to a user or bot. */
final class RoleEdits {
    private RoleEdits() {
    }

    static Resource apply(Resource r, List<String> set, List<String> add, List<String> remove) {
        Set<String> roles = new LinkedHashSet<>(set != null ? set : r.roles());
        if (add != null) {
            roles.addAll(add);
        }
        if (remove != null) {
            remove.forEach(roles::remove);
        }
        Map<String, Object> doc = new LinkedHashMap<>(r.document());
        Map<String, Object> spec = new LinkedHashMap<>(r.spec());
        spec.put("roles", new ArrayList<>(roles));
        doc.put("spec", spec);
        return ResourceParser.parse(doc, r.ref());
    }
}
