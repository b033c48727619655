package dev.loanwatch.tagging.rules;

import dev.loanwatch.contracts.events.v1.BorrowerTags;
import dev.loanwatch.tagging.model.BorrowerFacts;
import java.math.BigDecimal;
import java.util.List;

/**
 * A custom-tag rule's condition over a borrower's labels and figures, as analysts write it in JSON:
 * <pre>
 * {"all": [{"field": "industry.division", "in": ["61", "62"]},
 *          {"field": "region.prefecture", "eq": "420100"},
 *          {"not": {"field": "size", "eq": "LARGE"}}]}
 * </pre>
 * {@code all} / {@code any} / {@code not} combine; a comparison names one {@link LabelField} and one
 * {@link Operator}. A field without a value (no industry, no employees) satisfies no comparison
 * but {@code "exists": false}. {@link ConditionParser} builds and validates it.
 */
public sealed interface Condition {

    boolean test(BorrowerFacts facts, BorrowerTags tags);

    record All(List<Condition> conditions) implements Condition {
        public boolean test(BorrowerFacts facts, BorrowerTags tags) {
            return conditions.stream().allMatch(c -> c.test(facts, tags));
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public boolean test(BorrowerFacts facts, BorrowerTags tags) {
            return conditions.stream().anyMatch(c -> c.test(facts, tags));
        }
    }

    record Not(Condition condition) implements Condition {
        public boolean test(BorrowerFacts facts, BorrowerTags tags) {
            return !condition.test(facts, tags);
        }
    }

    /** {@code values}: one for eq/prefix/contains/comparisons, several for in, "true"/"false" for exists. */
    record Compare(LabelField field, Operator operator, List<String> values) implements Condition {
        public boolean test(BorrowerFacts facts, BorrowerTags tags) {
            List<String> actual = field.valuesOf(facts, tags);
            if (operator == Operator.EXISTS) {
                return actual.isEmpty() != Boolean.parseBoolean(values.get(0));
            }
            return actual.stream().anyMatch(this::matches);
        }

        private boolean matches(String actual) {
            String expected = values.get(0);
            return switch (operator) {
                case EQ -> field.kind() == LabelField.Kind.NUMBER
                        ? new BigDecimal(actual).compareTo(new BigDecimal(expected)) == 0
                        : actual.equals(expected);
                case IN -> values.contains(actual);
                case PREFIX -> actual.startsWith(expected);
                case CONTAINS -> actual.contains(expected);
                case GT -> new BigDecimal(actual).compareTo(new BigDecimal(expected)) > 0;
                case GTE -> new BigDecimal(actual).compareTo(new BigDecimal(expected)) >= 0;
                case LT -> new BigDecimal(actual).compareTo(new BigDecimal(expected)) < 0;
                case LTE -> new BigDecimal(actual).compareTo(new BigDecimal(expected)) <= 0;
                case EXISTS -> throw new IllegalStateException("handled above");
            };
        }
    }
}
