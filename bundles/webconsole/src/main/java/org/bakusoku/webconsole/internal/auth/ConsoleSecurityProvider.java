package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the Felix Web Console trust the login done by {@link AuthPreprocessor} instead of its built-in
 * {@code admin/admin} check.
 *
 * <p>How the console (5.0.x) picks a provider: its servlet context's {@code handleSecurity} asks the
 * highest-ranked {@link SecurityProvider} service; its own user/password provider is registered with
 * ranking {@link Integer#MIN_VALUE} as a last resort, so this one (ranking 0) wins. Setting the framework
 * property {@code felix.webconsole.security.providers=}{@value #ID} additionally keeps the console
 * unregistered until this provider is present and disables the built-in credentials altogether, so there is
 * no start-up window in which {@code admin/admin} works.
 */
@Component(property = SecurityProvider.PROPERTY_ID + "=" + ConsoleSecurityProvider.ID)
public final class ConsoleSecurityProvider implements SecurityProvider {

    /** Value of {@value SecurityProvider#PROPERTY_ID}, to list in {@code felix.webconsole.security.providers}. */
    public static final String ID = "bakusoku";

    private final AuthPreprocessor auth;

    /** @param auth the preprocessor that authenticated the request before the console saw it */
    @Activate
    public ConsoleSecurityProvider(@Reference AuthPreprocessor auth) {
        this.auth = auth;
    }

    /**
     * @return the user name the preprocessor stored in the request; otherwise null after answering 401
     *         (only possible if the preprocessor did not run, e.g. an HTTP runtime without preprocessors)
     */
    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(AuthPreprocessor.USER_ATTRIBUTE) instanceof String user) {
            return user;
        }
        try {
            auth.challenge(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** @return true for the admin user: the appliance has one account with every right */
    @Override
    public boolean authorize(Object user, String role) {
        return AdminAccount.USER.equals(user);
    }

    /**
     * The console's "Log out" button: ends the browser session (audited), clears its cookie and redirects
     * to the login page. Basic credentials have no server-side state; the browser forgets them when closed.
     */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        try {
            auth.logout(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
