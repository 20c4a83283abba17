package com.corpintel.migrate.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;

/**
 * --lock-retries: 0 to {@link #MOST}. The pauses between retries double from 1 s, so 20
 * retries already pause for about 12 days in all; a larger count is a typo, and past 62
 * the pause no longer fits in a {@link java.time.Duration}.
 */
@RegisterForReflection
public final class LockRetriesConverter implements CommandLine.ITypeConverter<Integer> {

    static final int MOST = 20;

    @Override
    public Integer convert(String value) {
        String text = value.trim();
        if (!text.matches("-?\\d+")) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a whole number; allowed: 0 to " + MOST);
        }
        int retries = text.length() > 9 ? -1 : Integer.parseInt(text);
        if (retries < 0 || retries > MOST) {
            throw new CommandLine.TypeConversionException("'" + value + "' is out of range; allowed: 0 to " + MOST);
        }
        return retries;
    }
}
