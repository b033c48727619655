package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Path and query parameters, read by the same rules and with the same messages as body fields
 * ({@link Fields}); a bad one is answered 400 naming the parameter, before anything reaches the
 * database (PostgreSQL refuses a NUL in a query parameter as it does in a stored value).
 */
public final class Params {
    private Params() {
    }

    /** A record id from the path: ASCII letters, digits and - _ . : */
    public static String id(String name, String value) {
        return read(name, value, f -> f.id(name, true));
    }

    public static LocalDate date(String name, String value, boolean required) {
        return read(name, value, f -> f.date(name, required));
    }

    public static UUID uuid(String name, String value) {
        return read(name, value, f -> f.uuid(name, true));
    }

    public static Long wholeNumber(String name, String value, long min, long max) {
        return read(name, value, f -> f.wholeNumber(name, false, min, max));
    }

    public static String text(String name, String value, int maxLength) {
        return read(name, value, f -> f.text(name, false, maxLength));
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        return read(name, value, f -> f.enumValue(name, type, true));
    }

    private static <T> T read(String name, String value, Function<Fields, T> reader) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (value != null) {
            node.put(name, value);
        }
        Fields f = Fields.of(node, Set.of(name));
        T v = reader.apply(f);
        f.check();
        return v;
    }
}
