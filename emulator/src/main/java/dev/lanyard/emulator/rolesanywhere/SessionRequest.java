package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.JsonBody;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.UriEncoding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CreateSession parameters: the three ARNs from the query or the JSON body (both accepted; refused
 * when both give different values), durationSeconds, roleSessionName and instanceProperties.
 */
record SessionRequest(String trustAnchorArn, String profileArn, String roleArn, Integer durationSeconds,
                      String roleSessionName, Map<String, String> instanceProperties) {

    static SessionRequest parse(RawRequest req) {
        Map<String, String> query = query(req.rawQuery());
        JsonBody body = JsonBody.parse(req.body());
        Map<String, String> props = null;
        if (body.has("instanceProperties")) {
            props = new LinkedHashMap<>();
            var node = body.node().get("instanceProperties");
            if (!node.isObject()) {
                throw AwsError.validation("\"instanceProperties\" must be an object of strings");
            }
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) {
                    throw AwsError.validation("instanceProperties." + e.getKey() + " must be a string");
                }
                props.put(e.getKey(), e.getValue().asText());
            }
        }
        String sessionName = body.string("roleSessionName");
        if (sessionName == null) {
            sessionName = body.string("sessionName");
        }
        return new SessionRequest(arn("trustAnchorArn", query, body), arn("profileArn", query, body),
                arn("roleArn", query, body), body.integer("durationSeconds"), sessionName, props);
    }

    private static String arn(String name, Map<String, String> query, JsonBody body) {
        String q = query.get(name);
        String b = body.string(name);
        if (q != null && b != null && !q.equals(b)) {
            throw AwsError.validation(name + " differs between the query (\"" + q + "\") and the JSON body (\"" + b
                    + "\"); send it once or send the same value");
        }
        String v = q != null ? q : b;
        if (v == null || v.isEmpty()) {
            throw AwsError.validation(name + " is required (query parameter or JSON body field)");
        }
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = UriEncoding.decode(eq < 0 ? part : part.substring(0, eq), true);
            String v = UriEncoding.decode(eq < 0 ? "" : part.substring(eq + 1), true);
            if (out.containsKey(k) && !out.get(k).equals(v)) {
                throw AwsError.validation("query parameter " + k + " is given twice with different values");
            }
            out.put(k, v);
        }
        return out;
    }
}
