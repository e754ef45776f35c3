package dev.lanyard.emulator.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A role trust policy (JSON), parsed into statements. Malformed documents fail with one clear line. */
public record TrustPolicy(List<Statement> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement; {@code principals} null means "*". */
    record Statement(String sid, boolean allow, List<String> services, boolean anyPrincipal, boolean notPrincipal,
                     List<String> actions, boolean notAction, List<Condition> conditions) {
        String label(int index) {
            return "statement " + (sid == null || sid.isEmpty() ? "#" + (index + 1) : "\"" + sid + "\"");
        }
    }

    public static TrustPolicy parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the policy is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the policy is not a JSON object");
        }
        JsonNode st = root.get("Statement");
        if (st == null) {
            throw new IllegalArgumentException("the policy has no Statement");
        }
        List<Statement> out = new ArrayList<>();
        for (JsonNode s : st.isArray() ? st : List.of(st)) {
            out.add(statement(s));
        }
        return new TrustPolicy(List.copyOf(out));
    }

    private static Statement statement(JsonNode s) {
        if (!s.isObject()) {
            throw new IllegalArgumentException("a Statement entry is not an object");
        }
        String effect = text(s.get("Effect"), "Effect");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("Effect must be Allow or Deny, not \"" + effect + "\"");
        }
        boolean notPrincipal = s.has("NotPrincipal");
        JsonNode principal = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
        if (principal == null) {
            throw new IllegalArgumentException("a trust policy statement needs a Principal");
        }
        boolean any = principal.isTextual() && principal.asText().equals("*");
        List<String> services = new ArrayList<>();
        if (!any) {
            if (!principal.isObject()) {
                throw new IllegalArgumentException("Principal must be \"*\" or an object such as {\"Service\": \"rolesanywhere.amazonaws.com\"}");
            }
            JsonNode svc = principal.get("Service");
            if (svc != null) {
                services.addAll(strings(svc, "Principal.Service"));
            }
            JsonNode aws = principal.get("AWS");
            any = aws != null && strings(aws, "Principal.AWS").contains("*");
        }
        boolean notAction = s.has("NotAction");
        JsonNode action = notAction ? s.get("NotAction") : s.get("Action");
        if (action == null) {
            throw new IllegalArgumentException("a statement needs an Action");
        }
        List<Condition> conditions = new ArrayList<>();
        JsonNode cond = s.get("Condition");
        if (cond != null) {
            if (!cond.isObject()) {
                throw new IllegalArgumentException("Condition must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = cond.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject()) {
                    throw new IllegalArgumentException("Condition " + op.getKey() + " must map keys to values");
                }
                for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = keys.next();
                    conditions.add(Condition.parse(op.getKey(), k.getKey(), strings(k.getValue(), op.getKey() + " " + k.getKey())));
                }
            }
        }
        JsonNode sid = s.get("Sid");
        return new Statement(sid == null ? null : sid.asText(), effect.equals("Allow"), List.copyOf(services), any,
                notPrincipal, strings(action, "Action"), notAction, List.copyOf(conditions));
    }

    private static String text(JsonNode n, String what) {
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("the statement has no " + what);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode n, String what) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.isArray() ? n : List.of(n)) {
            if (!v.isValueNode() || v.isNull()) {
                throw new IllegalArgumentException(what + " must be a string or a list of strings");
            }
            out.add(v.asText());
        }
        return out;
    }
}
