package dev.lanyard.signer.crypto;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * BouncyCastle's java.util.logging records (bctls-fips logs ~10 INFO/WARNING lines about security
 * properties when it starts) sent to the signer's debug sink instead of stderr: without
 * {@code --debug} stderr carries only the signer's own lines. Made only in FIPS mode, so the default
 * path initialises no logging.
 */
final class BcLogs extends Handler {
    static final String LOGGER = "org.bouncycastle";

    private final Logger logger;
    private final Consumer<String> sink;

    private BcLogs(Logger logger, Consumer<String> sink) {
        this.logger = logger;
        this.sink = sink;
    }

    /** Routes the org.bouncycastle logger (and its children) to {@code sink}, replacing the console. */
    static BcLogs routeTo(Consumer<String> sink) {
        Logger logger = Logger.getLogger(LOGGER);
        BcLogs handler = new BcLogs(logger, sink);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return handler;
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null || r.getLevel().intValue() < Level.INFO.intValue()) {
            return;
        }
        String message = r.getMessage();
        if (r.getParameters() != null && message != null) {
            message = java.text.MessageFormat.format(message, r.getParameters());
        }
        sink.accept("bouncycastle " + r.getLevel().getName() + " " + r.getLoggerName() + ": " + message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
