package dev.lanyard.emulator.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The state as one JSON file ({@code state.json}, 0600: it holds session secrets), replaced atomically on each save. */
public final class JsonStateStore implements StateStore {
    public static final String FILE_NAME = "state.json";
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public JsonStateStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    @Override
    public State load() {
        if (!Files.exists(file)) {
            return State.EMPTY;
        }
        try {
            return json.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot read the emulator state ("
                    + e.getMessage().lines().findFirst().orElse("") + "); move it away to start empty");
        }
    }

    @Override
    public void save(State state) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(state), AtomicFiles.PRIVATE);
        } catch (IOException e) {
            throw new LanyardException(Failure.INTERNAL, "cannot serialise the emulator state", e);
        }
    }
}
