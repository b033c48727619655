package dev.loanwatch.tagging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Condition parse(String json) throws Exception {
        return ConditionParser.parse(JSON.readTree(json), "condition");
    }

    static List<String> fields(String json) {
        RejectedException e = assertThrows(RejectedException.class, () -> parse(json));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void nestedConditionsParse() throws Exception {
        Condition c = parse("{\"all\":[{\"field\":\"industry.division\",\"in\":[\"61\",\"62\"]},"
                + "{\"not\":{\"any\":[{\"field\":\"size\",\"eq\":\"LARGE\"},{\"field\":\"employees\",\"gte\":300}]}}]}");
        Condition.All all = assertInstanceOf(Condition.All.class, c);
        assertEquals(2, all.conditions().size());
        assertInstanceOf(Condition.Not.class, all.conditions().get(1));
    }

    @Test
    void everyProblemIsNamedByItsPath() {
        assertEquals(List.of("condition.field"), fields("{\"field\":\"colour\",\"eq\":\"red\"}"));
        assertEquals(List.of("condition.gte"), fields("{\"field\":\"industry.section\",\"gte\":\"C\"}"));
        assertEquals(List.of("condition.eq"), fields("{\"field\":\"industry.section\",\"eq\":\"Z\"}"));
        assertEquals(List.of("condition.eq"), fields("{\"field\":\"industry.division\",\"eq\":\"6210\"}"));
        assertEquals(List.of("condition.eq"), fields("{\"field\":\"region.prefecture\",\"eq\":\"429900\"}"));
        assertEquals(List.of("condition.gte"), fields("{\"field\":\"employees\",\"gte\":\"many\"}"));
        assertEquals(List.of("condition"), fields("{\"field\":\"size\",\"eq\":\"SMALL\",\"in\":[\"MICRO\"]}"));
        assertEquals(List.of("condition.any"), fields("{\"any\":[]}"));
        assertEquals(List.of("condition"), fields("[1,2]"));
        assertEquals(List.of("condition"), fields("null"));
        assertEquals(List.of("condition.all[0].in[1]", "condition.all[1].field"),
                fields("{\"all\":[{\"field\":\"industry.division\",\"in\":[\"62\",\"00\"]},{\"eq\":1}]}"));
    }

    @Test
    void depthAndSizeAreBounded() {
        String deep = "{\"not\":".repeat(ConditionParser.MAX_DEPTH) + "{\"field\":\"size\",\"eq\":\"SMALL\"}" + "}".repeat(ConditionParser.MAX_DEPTH);
        assertTrue(fields(deep).get(0).startsWith("condition.not"));
        StringBuilder many = new StringBuilder("{\"any\":[");
        for (int i = 0; i <= ConditionParser.MAX_COMPARISONS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"field\":\"size\",\"eq\":\"SMALL\"}");
        }
        many.append("]}");
        assertEquals(List.of("condition.any[" + ConditionParser.MAX_COMPARISONS + "]"), fields(many.toString()));
    }
}
