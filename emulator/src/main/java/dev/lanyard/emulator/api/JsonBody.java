package dev.lanyard.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A restJson1 request body with typed, validated accessors; every problem is a ValidationException. */
public final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new JsonBody(JSON.createObjectNode());
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AwsError.validation("the request body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw AwsError.validation("the request body is not valid JSON (" + msg + ")");
        }
        if (node == null || node.isMissingNode()) {
            return new JsonBody(JSON.createObjectNode());
        }
        if (!node.isObject()) {
            throw AwsError.validation("the request body must be a JSON object");
        }
        return new JsonBody(node);
    }

    public boolean has(String field) {
        return root.has(field) && !root.get(field).isNull();
    }

    public JsonBody object(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return new JsonBody(JSON.createObjectNode());
        }
        if (!n.isObject()) {
            throw AwsError.validation("\"" + field + "\" must be an object");
        }
        return new JsonBody(n);
    }

    public String string(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw AwsError.validation("\"" + field + "\" must be a string");
        }
        return n.asText();
    }

    public String requireString(String field) {
        String s = string(field);
        if (s == null) {
            throw AwsError.validation("\"" + field + "\" is required");
        }
        return s;
    }

    public Boolean bool(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw AwsError.validation("\"" + field + "\" must be true or false");
        }
        return n.asBoolean();
    }

    public Integer integer(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw AwsError.validation("\"" + field + "\" must be an integer, got " + n);
        }
        return n.asInt();
    }

    /** A base64 blob field (restJson1 encodes blobs as base64 strings). */
    public byte[] blob(String field) {
        String s = string(field);
        if (s == null) {
            return null;
        }
        try {
            return java.util.Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw AwsError.validation("\"" + field + "\" is not base64 (" + e.getMessage() + ")");
        }
    }

    public List<String> strings(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw AwsError.validation("\"" + field + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw AwsError.validation("\"" + field + "\" must be a list of strings");
            }
            out.add(v.asText());
        }
        return out;
    }

    public List<JsonBody> objects(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw AwsError.validation("\"" + field + "\" must be a list");
        }
        List<JsonBody> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isObject()) {
                throw AwsError.validation("\"" + field + "\" entries must be objects");
            }
            out.add(new JsonBody(v));
        }
        return out;
    }

    public JsonNode node() {
        return root;
    }
}
