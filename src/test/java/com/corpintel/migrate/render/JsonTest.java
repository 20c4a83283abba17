package com.corpintel.migrate.render;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    private enum Status { PENDING, OUT_OF_ORDER }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void mapKeepsInsertionOrderAndIsIndentedByTwoSpaces() {
        String json = Json.write(map("zeta", 1, "alpha", 2, "mid", 3));

        assertThat(json).isEqualTo("{\n  \"zeta\": 1,\n  \"alpha\": 2,\n  \"mid\": 3\n}");
    }

    @Test
    void nestedMapsAndListsAreIndentedPerLevel() {
        String json = Json.write(map(
                "command", "status",
                "migrations", List.of(map("version", "1", "tags", List.of("a", "b")), map("version", "2"))));

        assertThat(json).isEqualTo("""
                {
                  "command": "status",
                  "migrations": [
                    {
                      "version": "1",
                      "tags": [
                        "a",
                        "b"
                      ]
                    },
                    {
                      "version": "2"
                    }
                  ]
                }""");
    }

    @Test
    void listsNestedInListsAreWritten() {
        assertThat(Json.write(List.of(List.of(1, 2), List.of())))
                .isEqualTo("[\n  [\n    1,\n    2\n  ],\n  []\n]");
    }

    @Test
    void emptyMapAndEmptyListAreCompact() {
        assertThat(Json.write(Map.of())).isEqualTo("{}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
        assertThat(Json.write(map("m", Map.of(), "l", List.of()))).isEqualTo("{\n  \"m\": {},\n  \"l\": []\n}");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(Json.write("say \"hi\" C:\\dir")).isEqualTo("\"say \\\"hi\\\" C:\\\\dir\"");
    }

    @Test
    void newlinesCarriageReturnsAndTabsAreEscaped() {
        assertThat(Json.write("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
    }

    @Test
    void otherControlCharactersAreUnicodeEscaped() {
        assertThat(Json.write("\u0000\u0001\u001f\b\f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u0008\\u000c\"");
    }

    @Test
    void printableAndNonAsciiCharactersAreKeptAsTheyAre() {
        assertThat(Json.write("été ✓ / < > ' ~\u007f")).isEqualTo("\"été ✓ / < > ' ~\u007f\"");
    }

    @Test
    void mapKeysAreEscapedToo() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a\"b\n", 1);

        assertThat(Json.write(map)).isEqualTo("{\n  \"a\\\"b\\n\": 1\n}");
    }

    @Test
    void nonStringKeysAreWrittenAsStrings() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, "one");
        map.put(null, "none");

        assertThat(Json.write(map)).isEqualTo("{\n  \"1\": \"one\",\n  \"null\": \"none\"\n}");
    }

    @Test
    void nullIsJsonNullAtTopLevelInMapsAndInLists() {
        assertThat(Json.write(null)).isEqualTo("null");
        assertThat(Json.write(map("v", null))).isEqualTo("{\n  \"v\": null\n}");
        assertThat(Json.write(Arrays.asList("a", null))).isEqualTo("[\n  \"a\",\n  null\n]");
    }

    @Test
    void booleansAreBareLiterals() {
        assertThat(Json.write(true)).isEqualTo("true");
        assertThat(Json.write(false)).isEqualTo("false");
        assertThat(Json.write(map("ok", Boolean.TRUE))).isEqualTo("{\n  \"ok\": true\n}");
    }

    @Test
    void integersAndLongsAreBareNumbers() {
        assertThat(Json.write(42)).isEqualTo("42");
        assertThat(Json.write(-7)).isEqualTo("-7");
        assertThat(Json.write(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    }

    @Test
    void decimalNumbersAreBareNumbers() {
        assertThat(Json.write(1.5)).isEqualTo("1.5");
        assertThat(Json.write(0.25f)).isEqualTo("0.25");
        assertThat(Json.write(new BigDecimal("12.340"))).isEqualTo("12.340");
        assertThat(Json.write((short) 3)).isEqualTo("3");
    }

    @Test
    void nonFiniteNumbersBecomeNullBecauseJsonHasNoSuchValues() {
        assertThat(Json.write(Double.NaN)).isEqualTo("null");
        assertThat(Json.write(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(Json.write(Float.NEGATIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void instantIsAnIsoStringInUtc() {
        Instant instant = Instant.parse("2024-03-01T12:34:56.789Z");

        assertThat(Json.write(instant)).isEqualTo("\"2024-03-01T12:34:56.789Z\"");
        assertThat(Json.write(map("at", Instant.EPOCH))).isEqualTo("{\n  \"at\": \"1970-01-01T00:00:00Z\"\n}");
    }

    @Test
    void enumsAreLowerCaseStrings() {
        assertThat(Json.write(Status.PENDING)).isEqualTo("\"pending\"");
        assertThat(Json.write(Status.OUT_OF_ORDER)).isEqualTo("\"out_of_order\"");
        assertThat(Json.write(List.of(Status.PENDING))).isEqualTo("[\n  \"pending\"\n]");
    }

    @Test
    void otherObjectsAreWrittenAsTheirEscapedToString() {
        Object value = new Object() {
            @Override
            public String toString() {
                return "custom \"value\"";
            }
        };

        assertThat(Json.write(value)).isEqualTo("\"custom \\\"value\\\"\"");
    }

    @Test
    void emptyStringIsAnEmptyJsonString() {
        assertThat(Json.write("")).isEqualTo("\"\"");
    }

    @Test
    void anyListImplementationIsAnArray() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add("two");

        assertThat(Json.write(list)).isEqualTo("[\n  1,\n  \"two\"\n]");
    }
}
