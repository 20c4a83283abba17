package com.corpintel.migrate.lint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interval literals in seconds, approximately (a month is 30 days, a year 365), for comparing policies. */
final class Intervals {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");

    private Intervals() {
    }

    /** Seconds of e.g. "2 years", "3 days 12 hours", "1 month"; null when it is not understood. */
    static Long seconds(String text) {
        Matcher m = PART.matcher(text.toLowerCase(Locale.ROOT));
        double total = 0;
        boolean any = false;
        while (m.find()) {
            Long unit = unit(m.group(2));
            if (unit == null) {
                return null;
            }
            total += Double.parseDouble(m.group(1)) * unit;
            any = true;
        }
        return any ? (long) total : null;
    }

    private static Long unit(String word) {
        String w = word.endsWith("s") && word.length() > 1 && !word.equals("s") ? word.substring(0, word.length() - 1) : word;
        return switch (w) {
            case "second", "sec", "s" -> 1L;
            case "minute", "min", "m" -> 60L;
            case "hour", "h" -> 3_600L;
            case "day", "d" -> 86_400L;
            case "week", "w" -> 7 * 86_400L;
            case "month", "mon" -> 30 * 86_400L;
            case "year", "y" -> 365 * 86_400L;
            default -> null;
        };
    }
}
