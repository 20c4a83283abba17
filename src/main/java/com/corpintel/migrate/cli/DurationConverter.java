package com.corpintel.migrate.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: 500ms, 30s, 5m, 1h, a bare number of seconds, or
 * ISO-8601 (PT30S), checked against the range the option takes, so that a value out of
 * range is a usage error at parse time rather than an overflow or a refused connection
 * later. Every option takes at most {@link #LONGEST}; the nested converters narrow that.
 * Picocli creates converters reflectively (they are not CDI beans), hence the registration.
 */
@RegisterForReflection
public class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    /**
     * PostgreSQL's limit for lock_timeout and statement_timeout (an int of milliseconds),
     * about 24.8 days; used for every duration so that one rule covers them all.
     */
    public static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)?");

    private final Duration least;
    private final Duration most;
    private final boolean wholeSeconds;

    /** 0 up to {@link #LONGEST}: --lock-wait, await --timeout. */
    public DurationConverter() {
        this(Duration.ZERO, LONGEST, false);
    }

    DurationConverter(Duration least, Duration most, boolean wholeSeconds) {
        this.least = least;
        this.most = most;
        this.wholeSeconds = wholeSeconds;
    }

    /** --lock-timeout, --statement-timeout: PostgreSQL counts whole milliseconds; 0 disables the timeout. */
    @RegisterForReflection
    public static final class ServerTimeout extends DurationConverter {
        public ServerTimeout() {
            super(Duration.ZERO, LONGEST, false);
        }

        @Override
        public Duration convert(String value) {
            Duration duration = super.convert(value);
            // Truncating 0.5 ms to 0 would silently disable the timeout.
            if (duration.toNanos() % 1_000_000 != 0) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a whole number of milliseconds; allowed: " + range());
            }
            return duration;
        }
    }

    /**
     * --connect-timeout: the JDBC driver counts whole seconds and turns them into milliseconds
     * in an int; 0 would mean "wait forever" to it, which a timeout option must not.
     */
    @RegisterForReflection
    public static final class ConnectTimeout extends DurationConverter {
        public ConnectTimeout() {
            super(Duration.ofSeconds(1), Duration.ofSeconds(Integer.MAX_VALUE / 1000), true);
        }
    }

    /** await --max-interval: at least 1 ms, or polling would never pause. */
    @RegisterForReflection
    public static final class PollInterval extends DurationConverter {
        public PollInterval() {
            super(Duration.ofMillis(1), LONGEST, false);
        }
    }

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = parse(value);
        } catch (TooLong e) {
            throw outOfRange(value);
        }
        if (duration.compareTo(least) < 0 || duration.compareTo(most) > 0) {
            throw outOfRange(value);
        }
        if (wholeSeconds && duration.toNanos() % 1_000_000_000 != 0) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a whole number of seconds; allowed: " + range());
        }
        return duration;
    }

    /** The allowed values, as the error messages state them. */
    String range() {
        return (wholeSeconds ? "whole seconds from " : "") + format(least) + " to " + format(most)
                + (most.toDays() >= 24 ? " (about 24.8 days)" : "");
    }

    private String format(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        return wholeSeconds ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private CommandLine.TypeConversionException outOfRange(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is out of range; allowed: " + range());
    }

    /** The syntax alone, any length: what {@link #convert} checks the range of. */
    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m", "min" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            Duration duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            if (m.matches()) {
                throw new TooLong(value);
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration (examples: 500ms, 30s, 5m, 1h, PT30S)");
    }

    /** Well-formed, but beyond what a {@link Duration} holds. */
    private static final class TooLong extends CommandLine.TypeConversionException {
        TooLong(String value) {
            super("'" + value + "' is too long for a duration");
        }
    }
}
