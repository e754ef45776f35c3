package dev.lanyard.signer.cli;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The signer's {@link System.LoggerFinder}: every System.Logger is off. The JDK asks the
 * {@code jdk.event.security} logger whether to log each parsed certificate, and answering that through
 * java.util.logging initialises the LogManager, which costs more than the certificate parse itself on
 * the one-shot path. The signer reports through stderr, never through System.Logger.
 */
public final class QuietLoggerFinder extends System.LoggerFinder {
    private static final System.Logger OFF = new Off();

    @Override
    public System.Logger getLogger(String name, Module module) {
        return OFF;
    }

    private static final class Off implements System.Logger {
        @Override
        public String getName() {
            return "off";
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
        }
    }
}
