package dev.loanwatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test values from a seeded {@link Random}: the few combinators the hostile-input
 * property tests need (choice, weighted choice, ranges, map, flatMap, filter, combine). A failing
 * case is reproduced by running again with the seed it reports.
 *
 * <p>Why not a property-testing library: the obvious one for Java (jqwik 1.10) asks in its own
 * output not to be used by AI agents, and this project is partly written by one; the others are
 * no longer maintained. Generation is all these tests take from such a library — the checks are
 * JUnit's — and it fits on this page.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    /** A choice with its relative weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** An int in [min, max], both included. */
    static Gen<Integer> between(int min, int max) {
        return r -> (int) (min + (long) (r.nextDouble() * ((long) max - min + 1)));
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        return frequency(List.of(choices));
    }

    static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> c : choices) {
                pick -= c.weight();
                if (pick < 0) {
                    return c.gen().next(r);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> all = List.of(gens);
        return r -> all.get(r.nextInt(all.size())).next(r);
    }

    static <A, B, T> Gen<T> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends T> f) {
        return r -> f.apply(a.next(r), b.next(r));
    }

    /** Four values combined. */
    interface Function4<A, B, C, D, T> {
        T apply(A a, B b, C c, D d);
    }

    static <A, B, C, D, T> Gen<T> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Function4<A, B, C, D, T> f) {
        return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r));
    }

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    default <U> Gen<U> flatMap(Function<? super T, Gen<U>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Values that pass {@code keep}; gives up after 10,000 draws that all fail it. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return r -> {
            for (int i = 0; i < 10_000; i++) {
                T v = next(r);
                if (keep.test(v)) {
                    return v;
                }
            }
            throw new IllegalStateException("the filter rejects (nearly) every value");
        };
    }

    /** {@code n} values drawn one after the other. */
    default List<T> sample(Random random, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next(random));
        }
        return out;
    }
}
