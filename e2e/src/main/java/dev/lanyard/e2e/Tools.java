package dev.lanyard.e2e;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the journey's commands the way a user types them (bin/lanyard, bin/lanyard-signer,
 * /usr/bin/aws), echoing each command and its output to the transcript.
 */
final class Tools {
    static final String AWS = "/usr/bin/aws";
    private final Path repo;
    private final Path work;
    private final Map<String, String> env;
    private final Path issuerDataDir;
    private final PrintStream transcript;

    Tools(Path repo, Path work, Map<String, String> env, Path issuerDataDir, PrintStream transcript) {
        this.repo = repo;
        this.work = work;
        this.env = new HashMap<>(env);
        this.issuerDataDir = issuerDataDir;
        this.transcript = transcript;
    }

    Path bin(String name) {
        return repo.resolve("bin").resolve(name);
    }

    void setEnv(String key, String value) {
        env.put(key, value);
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    Command.Result lanyard(String... args) {
        return show(run(prepend(bin("lanyard").toString(), args), env));
    }

    /** {@code lanyard ctl ...} on the issuer host: the local admin identity through LANYARD_DATA_DIR. */
    Command.Result ctl(String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.put("LANYARD_DATA_DIR", issuerDataDir.toString());
        return show(run(prepend(bin("lanyard").toString(), prepend("ctl", args).toArray(String[]::new)), e));
    }

    Command.Result signer(String... args) {
        return show(run(prepend(bin("lanyard-signer").toString(), args), env));
    }

    Command.Result aws(String... args) {
        return show(run(prepend(AWS, args), env));
    }

    /** /usr/bin/aws with {@code extraEnv} on top of the journey's environment. */
    Command.Result aws(Map<String, String> extraEnv, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extraEnv);
        return show(run(prepend(AWS, args), e));
    }

    /** Starts {@code argv} in the background, shown as {@code $ ... &}; its output goes to the returned service. */
    Service background(String name, String... argv) {
        transcript.println("$ " + display(List.of(argv)) + " &");
        return Service.start(name, List.of(argv), env, work);
    }

    /** {@code kill -SIGNAL pid}. */
    Command.Result signal(String signal, long pid) {
        return show(run(List.of("kill", "-" + signal, Long.toString(pid)), env)).requireOk();
    }

    Command.Result java(Map<String, String> extraEnv, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extraEnv);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return show(run(prepend(java, args), e));
    }

    void say(String text) {
        transcript.println(text);
    }

    void heading(String text) {
        transcript.println();
        transcript.println("== " + text);
    }

    private Command.Result run(List<String> argv, Map<String, String> environment) {
        transcript.println("$ " + display(argv));
        return new Command(argv, environment, work).run(300);
    }

    private Command.Result show(Command.Result r) {
        if (!r.stdout().isEmpty()) {
            transcript.print(r.stdout().endsWith("\n") ? r.stdout() : r.stdout() + "\n");
        }
        if (!r.stderr().isEmpty()) {
            transcript.print(indent(r.stderr()));
        }
        if (!r.ok()) {
            transcript.println("(exit " + r.exitCode() + ")");
        }
        return r;
    }

    /** The command as a user would type it: launchers by name, paths relative to the work directory. */
    private String display(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (String a : argv) {
            String s = a.replace(repo.resolve("bin") + "/", "").replace(work + "/", "");
            out.add(s.contains(" ") || s.contains("\"") ? "'" + s + "'" : s);
        }
        return String.join(" ", out);
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            sb.append("  ! ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static List<String> prepend(String first, String... rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l;
    }
}
