package dev.lanyard.issuer.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an output's {@code reload_command} after each write, with its output passed through to the
 * bot's own. A failing or hanging command is logged (and killed after a minute); it never undoes the
 * renewal.
 */
final class ReloadCommand {
    static final long TIMEOUT_SECONDS = 60;

    private ReloadCommand() {
    }

    static void run(List<String> command, String output, PrintWriter log) {
        if (command.isEmpty()) {
            return;
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.println("WARN reload_command for output=" + output + " did not finish within " + TIMEOUT_SECONDS
                        + "s and was stopped");
            } else if (p.exitValue() != 0) {
                log.println("WARN reload_command for output=" + output + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            log.println("WARN reload_command for output=" + output + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.flush();
    }
}
