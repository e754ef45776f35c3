package dev.lanyard.issuer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.issuer.support.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.io.TempDir;

/** Shared helpers: the running test issuer's data dir, a fresh HOME per test, CLI runs with asserted exit codes. */
abstract class CliTestBase {
    @TempDir
    Path tmp;

    String dataDir() {
        return ConfigProvider.getConfig().getValue("lanyard.data-dir", String.class);
    }

    String proxy() throws IOException {
        return Files.readString(Path.of(dataDir(), "issuer.addr")).strip();
    }

    String hostPin() throws IOException {
        String json = ok(admin("ctl", "status", "--format", "json")).out();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("host_ca_pin").asText();
    }

    Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("home"));
    }

    Run user() throws IOException {
        return new Run().env("HOME", home().toString());
    }

    Run.Result admin(String... args) throws IOException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.add("--data-dir");
        a.add(dataDir());
        return user().cli(a.toArray(String[]::new));
    }

    static Run.Result ok(Run.Result r) {
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    static Run.Result fails(int code, Run.Result r) {
        assertEquals(code, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line on stderr: " + r);
        return r;
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    void role(String name, String spec) throws IOException {
        ok(admin("ctl", "create", "--force", "-f", file(name + ".yaml", "kind: role\nversion: v6\nmetadata:\n  name: "
                + name + "\nspec:\n" + spec).toString()));
    }

    void userWithPassword(String name, String password, String roles) throws IOException {
        ok(admin("ctl", "users", "add", name, "--roles", roles, "--password-file",
                file(name + ".pw", password + "\n").toString()));
    }

    void login(String name, String password) throws IOException {
        ok(user().env("LANYARD_PASSWORD", password).cli("login", "--proxy", proxy(), "--user", name));
    }
}
