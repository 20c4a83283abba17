package com.corpintel.migrate.create;

import com.corpintel.migrate.inspect.ContinuousAggregate;
import com.corpintel.migrate.inspect.Extension;
import com.corpintel.migrate.inspect.Hypertable;
import com.corpintel.migrate.inspect.SchemaModel;
import com.corpintel.migrate.inspect.SchemaModelText;
import com.corpintel.migrate.inspect.SqlFunction;
import com.corpintel.migrate.inspect.Table;
import com.corpintel.migrate.inspect.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The expected models of {@code validate} for a new head. The edition the development
 * server runs is written as {@code snapshot} would write it; the other edition's file,
 * which no server here can produce, is derived the way it was first written: its own
 * edition-specific objects kept, everything both editions share taken from the new head.
 */
public final class ExpectedModels {

    private ExpectedModels() {
    }

    /** The text of the server's own edition, exactly as {@code snapshot} writes it. */
    public static String generated(SchemaModel head) {
        return SchemaModelText.write(head.withoutExtensionVersions());
    }

    /**
     * The other edition's model at the new head.
     *
     * @param otherOld its committed model at the old head
     * @param thisOld  the server edition's model at the old head
     * @param thisNew  the server edition's model at the new head
     */
    public static SchemaModel derive(SchemaModel otherOld, SchemaModel thisOld, SchemaModel thisNew) {
        return new SchemaModel(
                merge(otherOld.extensions(), thisOld.extensions(), thisNew.extensions(), Extension::name),
                merge(otherOld.functions(), thisOld.functions(), thisNew.functions(), SqlFunction::signature),
                merge(otherOld.tables(), thisOld.tables(), thisNew.tables(), Table::name),
                merge(otherOld.views(), thisOld.views(), thisNew.views(), View::name),
                hypertables(otherOld.hypertables(), thisOld.hypertables(), thisNew.hypertables()),
                merge(otherOld.continuousAggregates(), thisOld.continuousAggregates(),
                        thisNew.continuousAggregates(), ContinuousAggregate::name),
                merge(otherOld.jobs(), thisOld.jobs(), thisNew.jobs(), j -> j.target() + " " + j.kind()));
    }

    /** The derived file: the other file's own header comment, then the derived facts. */
    public static String derivedText(String otherOldText, SchemaModel derived) {
        List<String> header = otherOldText.lines().takeWhile(l -> l.startsWith("#")).toList();
        String body = SchemaModelText.write(derived).lines().dropWhile(l -> l.startsWith("#"))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        return String.join("\n", header) + (header.isEmpty() ? "" : "\n") + body;
    }

    /** Shared objects (equal in both old models) follow the new head; the other edition's own stay. */
    private static <T> List<T> merge(List<T> otherOld, List<T> thisOld, List<T> thisNew, Function<T, String> key) {
        Map<String, T> result = new LinkedHashMap<>();
        Map<String, T> thisBefore = byKey(thisOld, key);
        Map<String, T> thisAfter = byKey(thisNew, key);
        for (T other : otherOld) {
            String k = key.apply(other);
            if (Objects.equals(thisBefore.get(k), other)) {
                if (thisAfter.containsKey(k)) {
                    result.put(k, thisAfter.get(k));
                }
            } else {
                result.put(k, other);
            }
        }
        for (T added : thisNew) {
            // New on this edition: new on both. A change to an object only this edition has stays here.
            if (!thisBefore.containsKey(key.apply(added))) {
                result.putIfAbsent(key.apply(added), added);
            }
        }
        return new ArrayList<>(result.values());
    }

    /** Compression differs between editions; the time column and chunk interval are shared. */
    private static List<Hypertable> hypertables(List<Hypertable> otherOld, List<Hypertable> thisOld,
                                                List<Hypertable> thisNew) {
        Map<String, Hypertable> before = byKey(thisOld, Hypertable::table);
        Map<String, Hypertable> after = byKey(thisNew, Hypertable::table);
        List<Hypertable> result = new ArrayList<>();
        for (Hypertable other : otherOld) {
            Hypertable now = after.get(other.table());
            if (now == null && before.containsKey(other.table())) {
                continue; // no longer a hypertable
            }
            result.add(now == null ? other : new Hypertable(other.table(), now.timeColumn(), now.chunkInterval(),
                    other.compressionEnabled(), other.segmentBy(), other.orderBy()));
        }
        for (Hypertable added : thisNew) {
            if (!before.containsKey(added.table()) && result.stream().noneMatch(h -> h.table().equals(added.table()))) {
                result.add(added);
            }
        }
        return result;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
