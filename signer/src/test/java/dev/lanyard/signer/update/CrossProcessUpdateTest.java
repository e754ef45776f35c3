package dev.lanyard.signer.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent `update` runs in separate processes: the file lock serialises them, no profile is lost. */
class CrossProcessUpdateTest {
    @TempDir
    Path dir;

    @Test
    void separateProcessesKeepEachOthersProfiles() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "; hand-written\n[static]\nregion = eu-west-1\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int writers = 4;
        int rounds = 40;
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterMain.class.getName(),
                    file.toString(), "p" + w, Integer.toString(rounds)).inheritIO().start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("; hand-written\n[static]\nregion = eu-west-1\n"), text);
        for (int w = 0; w < writers; w++) {
            assertTrue(text.contains("[p" + w + "]\naws_access_key_id = " + String.format("ASIAFAKE%012d", rounds - 1)), text);
        }
        assertEquals(writers + 1, text.lines().filter(l -> l.startsWith("[")).count(), text);
    }
}
