package dev.loanwatch.testing;

import java.lang.reflect.InvocationTargetException;

/**
 * Quarkus may load test resources through a class loader per application (one per test profile).
 * A static field would then hold one broker or server per profile, so the state lives in the copy of
 * the class that the system class loader sees; other copies forward their calls to it.
 */
final class JvmWide {

    private JvmWide() {
    }

    /** The class that owns the JVM-wide state: the system loader's copy when it can load one. */
    static Class<?> owner(Class<?> type) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (type.getClassLoader() == system) {
            return type;
        }
        try {
            return Class.forName(type.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            return type;
        }
    }

    static Object call(Class<?> owner, String method, Class<?>[] types, Object... args) {
        try {
            return owner.getMethod(method, types).invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the shared " + owner.getSimpleName(), e);
        }
    }
}
