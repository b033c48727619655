package dev.loanwatch.tagging.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.error.RejectedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a rule's JSON condition (see {@link Condition}) and refuses it whole when anything is wrong,
 * with every problem named by its JSON path ({@code condition.all[1].field}): an unknown field, an
 * operator the field does not support, a code that does not exist, a missing or extra member.
 * Conditions nest at most {@value #MAX_DEPTH} deep and hold at most {@value #MAX_COMPARISONS}
 * comparisons, so a rule stays readable and cheap to evaluate on every borrower.
 */
public final class ConditionParser {
    public static final int MAX_DEPTH = 8;
    public static final int MAX_COMPARISONS = 64;
    static final int MAX_VALUES = 2000;

    private final List<FieldError> errors = new ArrayList<>();
    private int comparisons;

    private ConditionParser() {
    }

    /** @throws RejectedException INVALID, naming each bad member under {@code root} */
    public static Condition parse(JsonNode node, String root) {
        ConditionParser parser = new ConditionParser();
        Optional<Condition> condition = parser.condition(node, root, 1);
        if (!parser.errors.isEmpty() || condition.isEmpty()) {
            throw RejectedException.invalid(parser.errors.isEmpty()
                    ? List.of(new FieldError(root, "is not a condition")) : parser.errors);
        }
        return condition.get();
    }

    private Optional<Condition> condition(JsonNode node, String path, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return fail(path, "a condition is required");
        }
        if (!node.isObject()) {
            return fail(path, "must be an object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\": ..., \"<operator>\": ...}");
        }
        if (depth > MAX_DEPTH) {
            return fail(path, "conditions nest at most " + MAX_DEPTH + " deep");
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            if (node.size() != 1) {
                return fail(path, "\"" + key + "\" stands alone in its object");
            }
            JsonNode list = node.get(key);
            if (!list.isArray() || list.isEmpty()) {
                return fail(path + "." + key, "must be a non-empty array of conditions");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                condition(list.get(i), path + "." + key + "[" + i + "]", depth + 1).ifPresent(parts::add);
            }
            if (parts.size() != list.size()) {
                return Optional.empty();
            }
            return Optional.of(key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts));
        }
        if (node.has("not")) {
            if (node.size() != 1) {
                return fail(path, "\"not\" stands alone in its object");
            }
            return condition(node.get("not"), path + ".not", depth + 1).map(Condition.Not::new);
        }
        return comparison(node, path);
    }

    private Optional<Condition> comparison(JsonNode node, String path) {
        if (++comparisons > MAX_COMPARISONS) {
            return fail(path, "a rule holds at most " + MAX_COMPARISONS + " comparisons");
        }
        JsonNode fieldNode = node.get("field");
        if (fieldNode == null || !fieldNode.isTextual()) {
            return fail(path + ".field", "a field name is required (one of " + LabelField.paths() + ")");
        }
        Optional<LabelField> field = LabelField.ofPath(fieldNode.asText());
        if (field.isEmpty()) {
            return fail(path + ".field", "unknown field '" + fieldNode.asText() + "'; known fields: " + LabelField.paths());
        }
        List<String> others = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            String name = members.next().getKey();
            if (!name.equals("field")) {
                others.add(name);
            }
        }
        if (others.size() != 1) {
            return fail(path, "a comparison has the field and exactly one operator, found " + others);
        }
        String operatorName = others.get(0);
        Optional<Operator> operator = Operator.ofJson(operatorName);
        if (operator.isEmpty() || !field.get().kind().operators.contains(operator.get())) {
            return fail(path + "." + operatorName, "operator '" + operatorName + "' does not apply to "
                    + field.get().path() + "; it takes " + field.get().kind().operators.stream().map(Operator::json).sorted().toList());
        }
        return values(node.get(operatorName), operator.get(), path + "." + operatorName)
                .flatMap(values -> checked(field.get(), operator.get(), values, path + "." + operatorName))
                .map(values -> new Condition.Compare(field.get(), operator.get(), values));
    }

    private Optional<List<String>> values(JsonNode node, Operator operator, String path) {
        if (operator == Operator.IN) {
            if (!node.isArray() || node.isEmpty() || node.size() > MAX_VALUES) {
                return fail(path, "must be an array of 1 to " + MAX_VALUES + " values");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = node.get(i);
                if (!v.isTextual() && !v.isNumber()) {
                    return fail(path + "[" + i + "]", "must be a string or a number");
                }
                values.add(v.asText());
            }
            return Optional.of(values);
        }
        if (operator == Operator.EXISTS) {
            return node.isBoolean() ? Optional.of(List.of(node.asText())) : fail(path, "must be true or false");
        }
        if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
            return fail(path, "must be a string or a number");
        }
        return Optional.of(List.of(node.isNumber() ? node.decimalValue().toPlainString() : node.asText()));
    }

    private Optional<List<String>> checked(LabelField field, Operator operator, List<String> values, String path) {
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            Optional<String> problem = field.problemWith(values.get(i), operator);
            if (problem.isPresent()) {
                errors.add(new FieldError(values.size() > 1 || operator == Operator.IN ? path + "[" + i + "]" : path, problem.get()));
                ok = false;
            }
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    private <T> Optional<T> fail(String path, String message) {
        errors.add(new FieldError(path, message));
        return Optional.empty();
    }
}
