package dev.lanyard.emulator.store;

/** Where the emulator's state lives between restarts. */
public interface StateStore {
    State load();

    void save(State state);
}
