package dev.loanwatch.domain;

import java.util.function.ToIntFunction;

/**
 * Looks an enum constant up by the number it is stored and sent under. The numbers are explicit
 * rather than ordinals so that reordering or inserting a constant never changes what the history
 * tables already hold.
 */
final class StoredCode {
    private StoredCode() {
    }

    static <E extends Enum<E>> E of(Class<E> type, ToIntFunction<E> code, int wanted) {
        for (E e : type.getEnumConstants()) {
            if (code.applyAsInt(e) == wanted) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code " + wanted);
    }
}
