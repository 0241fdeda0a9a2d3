package org.bakusoku.camera.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a component-property-type instance as DS would: given values by property name, else the defaults. */
final class ConfigProxy {

    private ConfigProxy() {
    }

    /**
     * @param type   the annotation type, e.g. {@link CameraConfig}
     * @param values property values by name ({@code "detect.width"} for {@code detect_width()})
     * @return the instance
     */
    static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = values.get(method.getName().replace('_', '.'));
            return value != null ? value : method.getDefaultValue();
        }));
    }
}
