package dev.loanwatch.ingestion.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Refuses a JSON number written with an exponent ({@code 1E+2147483647}, {@code 6E-2}) in
 * every record this service reads (REST body, NDJSON line, Kafka value), naming the field.
 * Money and rates are plain decimals; once parsed, {@code 6E-2} and {@code 0.06} are the same
 * BigDecimal, so the exponent can only be seen here, in the number's text, while the tree is
 * built. The check wraps Jackson's own tree reader and changes nothing else.
 */
@Singleton
public class PlainNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-numbers").addDeserializer(JsonNode.class, new TreeReader()));
    }

    private static final class TreeReader extends StdDeserializer<JsonNode> {
        private final JsonDeserializer<? extends JsonNode> tree = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        TreeReader() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return tree.deserialize(new ExponentGuard(p), ctxt);
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return NullNode.getInstance();
        }
    }

    private static final class ExponentGuard extends JsonParserDelegate {
        ExponentGuard(JsonParser p) {
            super(p);
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            check();
            return super.getDecimalValue();
        }

        @Override
        public double getDoubleValue() throws IOException {
            check();
            return super.getDoubleValue();
        }

        private void check() throws IOException {
            if (currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                String text = getText();
                if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                    String shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
                    throw new JsonParseException(this, "the number " + shown + " of field '" + currentName()
                            + "' is written with an exponent: write it as a plain decimal such as 1234.56");
                }
            }
        }
    }
}
