package org.bakusoku.cpu.impl;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a DS configuration annotation instance the way SCR does: given values, else the declared defaults. */
final class ConfigProxy {

    private ConfigProxy() {
    }

    /**
     * @param overrides values by method name (e.g. {@code guard_temperature_c})
     * @return a {@link CpuComponent.Config}
     */
    static CpuComponent.Config of(Map<String, Object> overrides) {
        Class<CpuComponent.Config> type = CpuComponent.Config.class;
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
                case "toString" -> "Config" + overrides;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException("no value for " + name);
            };
        }));
    }

    /** @return settings from the given overrides on top of the defaults */
    static CpuSettings settings(Map<String, Object> overrides) {
        return CpuSettings.from(of(overrides), CpuSettings.DEFAULTS);
    }
}
