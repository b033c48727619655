package dev.loanwatch.ingestion.mapping;

import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.text.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of one record — a REST body, an NDJSON line, a CSV row turned into a JSON
 * object, or a Kafka value — and collects every problem with the field's name, so that all
 * four channels accept and reject exactly the same things with the same messages.
 * Numbers are read from their text, so "12.345" is seen as having 3 decimals whether it came
 * from JSON or CSV.
 */
public final class Fields {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    // far beyond any amount, rate or count accepted; keeps a megabyte of digits from being parsed
    private static final int MAX_DIGITS = 40;
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
                errors.add(new FieldError(prefix + Text.visible(name), "unknown field"));
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
        // blank text is "not given"; but not when the blank is made of control characters, which are reported
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank() && Text.problem(v.textValue()).isEmpty())) {
            return null;
        }
        return v;
    }

    /**
     * The value's text, checked for what no field may contain (NUL and other control
     * characters, unpaired surrogates), then stripped of surrounding white space. A JSON number
     * gives its exact decimal text: the mapper reads decimals as BigDecimal (50.00 stays "50.00")
     * and has already refused one written with an exponent ({@link PlainNumbers}); written out
     * plainly, 0.0000001 is "0.0000001", not BigDecimal's "1E-7".
     */
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
        String raw = v.isTextual() ? v.textValue() : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        Optional<String> problem = Text.problem(raw);
        if (problem.isPresent()) {
            error(name, problem.get());
            return null;
        }
        return raw.strip();
    }

    public String text(String name, boolean required, int maxLength) {
        String s = scalar(name, required);
        if (s != null && s.length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /**
     * An identifier: 1–64 ASCII letters and digits and '-', '_', '.', ':'. ASCII only, so that
     * two ids that look alike are alike (no Cyrillic 'А' for 'A', no full-width digits).
     */
    public String id(String name, boolean required) {
        String s = text(name, required, Text.MAX_ID);
        if (s != null && Text.idProblem(s).isPresent()) {
            error(name, Text.idProblem(s).get() + ", got '" + abbreviate(s) + "'");
            return null;
        }
        return s;
    }

    /**
     * A code of ASCII letters and digits only (identity numbers, region and industry codes),
     * upper-cased; so that no look-alike letter or digit of another script becomes a valid code.
     */
    public String code(String name, boolean required, int maxLength) {
        String s = text(name, required, maxLength);
        if (s != null && !s.chars().allMatch(c -> Text.isAsciiLetterOrDigit((char) c))) {
            error(name, "may contain only the ASCII letters A–Z and the digits 0–9, got '" + abbreviate(s) + "'");
            return null;
        }
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /**
     * A plain decimal: ASCII digits, an optional sign and an optional '.' with decimals. Never
     * an exponent, NaN or Infinity, and never digits of another script: money is not guessed.
     */
    private BigDecimal decimal(String name, boolean required, String example) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(s).matches()) {
            error(name, "must be a plain decimal number such as " + example + " (ASCII digits, optional '.' and decimals, "
                    + "no exponent), got '" + abbreviate(s) + "'");
            return null;
        }
        if (s.length() > MAX_DIGITS) {
            error(name, "has too many digits: at most " + MAX_DIGITS + " characters, got " + s.length());
            return null;
        }
        return new BigDecimal(s);
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
        BigDecimal v = decimal(name, required, "1234.56");
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
            error(name, "is too large: at most 16 digits before the decimal point");
            return null;
        }
        return v.setScale(2);
    }

    /** A fraction within [min, max], e.g. an annual rate 0.0435; at most 6 decimals. */
    public BigDecimal fraction(String name, boolean required, BigDecimal min, BigDecimal max, String rangeText) {
        BigDecimal v = decimal(name, required, "0.0435");
        if (v == null) {
            return null;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            error(name, "must be within " + rangeText + ", got " + abbreviate(v.toPlainString()));
            return null;
        }
        if (v.stripTrailingZeros().scale() > 6) {
            error(name, "must have at most 6 decimals");
            return null;
        }
        return v.setScale(6);
    }

    public Integer integer(String name, boolean required, int min, int max) {
        Long v = wholeNumber(name, required, min, max);
        return v == null ? null : v.intValue();
    }

    /** A whole number of ASCII digits (optional sign) within [min, max]. */
    public Long wholeNumber(String name, boolean required, long min, long max) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(s).matches()) {
            error(name, "must be a whole number of ASCII digits such as 12, got '" + abbreviate(s) + "'");
            return null;
        }
        BigDecimal v = s.length() > MAX_DIGITS ? null : new BigDecimal(s);
        if (v == null || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "must be between " + min + " and " + max + ", got " + abbreviate(s));
            return null;
        }
        return v.longValueExact();
    }

    /** A non-negative amount in yuan that may be absent (revenue, assets). */
    public BigDecimal optionalMoney(String name) {
        return money(name, false);
    }

    /** true or false: a JSON boolean, or the text "true" / "false" (a CSV cell); null when absent. */
    public Boolean flag(String name, boolean required) {
        String s = text(name, required, 5);
        if (s == null) {
            return null;
        }
        if (!s.equals("true") && !s.equals("false")) {
            error(name, "must be true or false, got '" + abbreviate(s) + "'");
            return null;
        }
        return Boolean.valueOf(s);
    }

    /**
     * Identifiers (codes such as rule codes), each read like {@link #id}: a JSON array of them, or
     * — as a CSV cell carries it — one text with the identifiers separated by ';'. Absent: empty.
     */
    public List<String> ids(String name, int maxCount) {
        JsonNode v = value(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    error(name, "must hold texts only, entry " + i + " is not one");
                    return List.of();
                }
                out.add(v.get(i).textValue());
            }
        } else {
            String s = scalar(name, false);
            if (s == null) {
                return List.of();
            }
            for (String part : s.split(";", -1)) {
                out.add(part.strip());
            }
        }
        if (out.size() > maxCount) {
            error(name, "must have at most " + maxCount + " entries, got " + out.size());
            return List.of();
        }
        for (String id : out) {
            Optional<String> problem = Text.problem(id).or(() -> Text.idProblem(id));
            if (problem.isPresent()) {
                error(name, "each entry " + problem.get() + ", got '" + abbreviate(id) + "'");
                return List.of();
            }
        }
        return List.copyOf(out);
    }

    /** An ISO date yyyy-MM-dd in ASCII digits, and a real one (no 30 February). */
    public LocalDate date(String name, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        try {
            if (!ISO_DATE.matcher(s).matches()) {
                throw new DateTimeParseException("not yyyy-MM-dd", s, 0);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO date (yyyy-MM-dd, ASCII digits), got '" + abbreviate(s) + "'");
            return null;
        }
    }

    /** An id issued by this service (an import job): a UUID. */
    public UUID uuid(String name, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(s).matches()) {
            error(name, "must be a UUID such as 3f2b8c1e-0d4a-4c6f-9a57-1b2c3d4e5f60, got '" + abbreviate(s) + "'");
            return null;
        }
        return UUID.fromString(s);
    }

    /**
     * One of the enum's names, ignoring the case of ASCII letters only: Java's case mapping
     * would turn a dotless 'ı' into 'I' and accept EQUAL_ıNSTALLMENT.
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String s = scalar(name, required);
        if (s == null) {
            return null;
        }
        if (Text.isAscii(s)) {
            for (E c : type.getEnumConstants()) {
                if (c.name().equalsIgnoreCase(s)) {
                    return c;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E c : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
        }
        error(name, "must be one of " + allowed + ", got '" + abbreviate(s) + "'");
        return null;
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

    /** The start of a bad value to show the sender, with control characters escaped. */
    private static String abbreviate(String s) {
        return Text.visible(s.length() <= 40 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(39)) ? 39 : 40) + "…");
    }
}
