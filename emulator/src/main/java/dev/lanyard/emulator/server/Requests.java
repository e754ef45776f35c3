package dev.lanyard.emulator.server;

import dev.lanyard.emulator.api.RawRequest;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the Vert.x request into the raw form signature verification needs. */
public final class Requests {
    private Requests() {
    }

    public static RawRequest raw(HttpServerRequest req, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : req.headers()) {
            headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.getValue());
        }
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        return new RawRequest(req.method().name(), path, q < 0 ? "" : uri.substring(q + 1), headers, body);
    }
}
