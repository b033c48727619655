package dev.loanwatch.ingestion.mapping;

/**
 * An enum stored as text: {@link #code()} is what the table holds (and its check constraint
 * allows); it never changes, whatever happens to the constants' names or order.
 */
public interface StoredCode {
    String code();

    static <E extends Enum<E> & StoredCode> E ofCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code '" + code + "'");
    }
}
