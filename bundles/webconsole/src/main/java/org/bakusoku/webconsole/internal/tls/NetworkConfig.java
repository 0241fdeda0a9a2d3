package org.bakusoku.webconsole.internal.tls;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@value HttpServerSettings#PID}: where the console and API listen and how. Every value is
 * live; Jetty restarts (a second or so) when one changes.
 */
@ObjectClassDefinition(name = "Bakusoku network access",
        description = "Listen address, HTTPS and the HTTP-to-HTTPS redirect of the console and API.")
public @interface NetworkConfig {

    /** @return the listen address, or empty for the default */
    @AttributeDefinition(name = "Listen address",
            description = "127.0.0.1 = this device only; 0.0.0.0 = every network interface (needed to reach the "
                    + "console from the LAN); or one interface's address. Empty: the framework property "
                    + "org.apache.felix.http.host if set, else 127.0.0.1.")
    String bind_address() default "";

    /** @return whether HTTPS is served */
    @AttributeDefinition(name = "HTTPS",
            description = "Serve HTTPS on org.osgi.service.http.port.secure (default 8443) with the certificate "
                    + "in <data>/tls (generated at first start, replaceable by your own cert.pem + key.pem).")
    boolean https_enabled() default true;

    /** @return whether plain HTTP only redirects */
    @AttributeDefinition(name = "HTTP redirects to HTTPS",
            description = "Plain HTTP answers every request except GET /api/v1/health with a redirect (308) to "
                    + "HTTPS. Only while HTTPS is on.")
    boolean http_redirect() default false;
}
