package dev.loanwatch.ingestion.mapping;

import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one record — a REST body, an NDJSON line, a CSV row turned into a JSON
 * object, or a Kafka value — and collects every problem with the field's name, so that all
 * four channels accept and reject exactly the same things with the same messages.
 * Numbers are read from their text, so "12.345" is seen as having 3 decimals whether it came
 * from JSON or CSV.
 */
public final class Fields {
    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private Fields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Starts reading a record; an unknown field is an error (a typo must not silently drop data). */
    public static Fields of(JsonNode node, Set<String> allowed) {
        return nested(node, "", allowed, new ArrayList<>());
    }

    private static Fields nested(JsonNode node, String prefix, Set<String> allowed, List<FieldError> errors) {
        Fields f = new Fields(node, prefix, errors);
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "$" : stripDot(prefix), "must be a JSON object"));
            return f;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown field"));
            }
        }
        return f;
    }

    private static String stripDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** Throws when any field was bad. */
    public void check() {
        if (!errors.isEmpty()) {
            throw RejectedException.invalid(errors);
        }
    }

    private JsonNode value(String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        return v;
    }

    private String scalar(String name, boolean required) {
        JsonNode v = value(name);
        if (v == null) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            error(name, "must be a single value");
            return null;
        }
        return v.asText().strip();
    }

    public String text(String name, boolean required, int maxLength) {
        String s = scalar(name, required);
        if (s != null && s.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /** An identifier: 1–64 characters of letters, digits, '-', '_', '.', ':'. */
    public String id(String name, boolean required) {
        String s = text(name, required, 64);
        if (s != null && !s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':')) {
            error(name, "may contain only letters, digits and - _ . :");
            return null;
        }
        return s;
    }

    private BigDecimal decimal(String name, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            error(name, "must be a decimal number, got '" + abbreviate(s) + "'");
            return null;
        }
    }

    /** Yuan with at most 2 decimals (fen), greater than zero. */
    public BigDecimal positiveMoney(String name, boolean required) {
        BigDecimal v = money(name, required);
        if (v != null && v.signum() <= 0) {
            error(name, "must be greater than 0");
            return null;
        }
        return v;
    }

    /** Yuan with at most 2 decimals (fen), zero or more. */
    public BigDecimal money(String name, boolean required) {
        BigDecimal v = decimal(name, required);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0) {
            error(name, "must not be negative");
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            error(name, "must have at most 2 decimals (fen)");
            return null;
        }
        if (v.precision() - v.scale() > 16) {
            error(name, "is too large");
            return null;
        }
        return v.setScale(2);
    }

    /** A fraction within [min, max], e.g. an annual rate 0.0435; at most 6 decimals. */
    public BigDecimal fraction(String name, boolean required, BigDecimal min, BigDecimal max, String rangeText) {
        BigDecimal v = decimal(name, required);
        if (v == null) {
            return null;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            error(name, "must be within " + rangeText + ", got " + v.toPlainString());
            return null;
        }
        if (v.stripTrailingZeros().scale() > 6) {
            error(name, "must have at most 6 decimals");
            return null;
        }
        return v.setScale(6);
    }

    public Integer integer(String name, boolean required, int min, int max) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                error(name, "must be between " + min + " and " + max + ", got " + v);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(name, "must be a whole number, got '" + abbreviate(s) + "'");
            return null;
        }
    }

    /** A non-negative amount in yuan that may be absent (revenue, assets). */
    public BigDecimal optionalMoney(String name) {
        return money(name, false);
    }

    public LocalDate date(String name, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO date (yyyy-MM-dd), got '" + abbreviate(s) + "'");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
            }
            error(name, "must be one of " + allowed + ", got '" + abbreviate(s) + "'");
            return null;
        }
    }

    /** The objects of an array field, each read with the same rules; null when absent. */
    public List<Fields> objects(String name, Set<String> allowed) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            error(name, "must be an array");
            return null;
        }
        List<Fields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(nested(v.get(i), prefix + name + "[" + i + "].", allowed, errors));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
