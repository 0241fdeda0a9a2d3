package org.bakusoku.rules;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a DS configuration annotation instance the way SCR does: given values, else the declared defaults. */
final class ConfigProxy {

    private ConfigProxy() {
    }

    /**
     * @param type      the {@code @interface Config}
     * @param overrides values by method name (e.g. {@code hold_ms})
     */
    static <T> T of(Class<T> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            String name = method.getName();
            if (overrides.containsKey(name)) {
                return overrides.get(name);
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (name) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + overrides;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException("no value for " + name);
            };
        }));
    }
}
