package dev.loanwatch.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.loanwatch.platform.text.Text;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * One JSON value is one record, read exactly as sent, in every service and on every channel
 * that reads JSON with the application's mapper (REST bodies, import lines, Kafka values):
 * <ul>
 * <li>content after the value ({@code {...} garbage}, two objects back to back) is refused,
 * not silently dropped: the second object may be the record the sender meant;</li>
 * <li>a field given twice is refused: Jackson would keep the last one, so
 * {@code "amount":50.00,...,"amount":9999.00} stored 9999.00;</li>
 * <li>numbers in a tree keep their exact decimal text (a BigDecimal, trailing zeros kept) instead
 * of passing through a double: money is never rounded on the way in, and an exponent stays
 * visible ({@code 1E+2}) so the readers can refuse it.</li>
 * </ul>
 * Both refusals hold for {@code readTree} and for a {@code JsonNode} request body
 * ({@code readerFor(JsonNode.class)}) alike: the duplicate check is the parser's, so no tree
 * feature (FAIL_ON_READING_DUP_TREE_KEY) is needed, and trailing tokens are checked by the
 * mapper and the reader after the root value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /**
     * What is wrong with the JSON, in words a sender can act on, naming a duplicate field and
     * saying when a complete value was followed by more content; Jackson's own first line otherwise.
     * Safe to store and echo (control characters are escaped).
     */
    public static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (original.startsWith("Duplicate field '")) {
            return "duplicate field '" + Text.visible(original.substring("Duplicate field '".length(), original.length() - 1))
                    + "'" + where + ": each field may appear only once";
        }
        if (afterCompleteValue(e)) {
            return "unexpected content after the JSON object" + where + ": send exactly one JSON object";
        }
        return Text.visible(original.lines().findFirst().orElse("")) + where;
    }

    /**
     * The same problem as an exception that the REST problem mapping answers as malformed JSON
     * (400), with the message of {@link #describe}.
     */
    public static JsonParseException rephrased(JsonProcessingException e) {
        return new JsonParseException((JsonParser) null, describe(e), e.getLocation());
    }

    /** True when the error came after a complete top-level value: trailing tokens or trailing garbage. */
    private static boolean afterCompleteValue(JsonProcessingException e) {
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            return true;
        }
        return e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                && p.getParsingContext().inRoot() && p.getParsingContext().getEntryCount() > 0;
    }
}
