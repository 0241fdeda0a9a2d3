package org.bakusoku.webconsole.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login page at {@value Navigation#LOGIN_PATH}, open without login (with {@code GET /api/v1/health} the
 * only open route). {@code GET} shows the form; {@code POST} (form fields {@code user}, {@code password},
 * {@code next}) checks the password through the {@link Authenticator} and answers:
 * <ul>
 * <li>303 to {@code next} (or, while the password is the generated one, to the Security page) with the
 * session cookie ({@link SessionCookie});</li>
 * <li>401 with the form and a message for a wrong user or password;</li>
 * <li>429 with {@code Retry-After} while the client address is throttled.</li>
 * </ul>
 * The preprocessor has already refused a cross-site {@code POST} (login CSRF).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Navigation.LOGIN_PATH)
@HttpWhiteboardServletName("bakusoku-login")
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Authenticator auth;

    /** @param preprocessor the login preprocessor; also keeps this page registered only while it is */
    @Activate
    public LoginServlet(@Reference AuthPreprocessor preprocessor) {
        this(preprocessor.authenticator());
    }

    /** @param auth the authenticator */
    LoginServlet(Authenticator auth) {
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(response, HttpServletResponse.SC_OK, Navigation.safeNext(request.getParameter("next")), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String next = Navigation.safeNext(request.getParameter("next"));
        Authenticator.Result result = auth.login(request.getParameter("user"), request.getParameter("password"),
                request.getRemoteAddr());
        if (result instanceof Authenticator.LoggedIn in) {
            SessionCookie.set(response, in.cookieValue(), request.isSecure());
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location",
                    in.caller().session().mustChangePassword() ? Navigation.SECURITY_PAGE : next);
        } else if (result instanceof Authenticator.Throttled t) {
            long seconds = ErrorAnswer.retryAfterSeconds(t.waitMs());
            response.setHeader("Retry-After", Long.toString(seconds));
            page(response, 429, next, "Too many failed logins from your address. Try again in " + seconds + " s.");
        } else {
            response.setHeader("WWW-Authenticate", "FormBased realm=\"" + AuthPreprocessor.REALM + "\"");
            page(response, HttpServletResponse.SC_UNAUTHORIZED, next, "Wrong user name or password.");
        }
    }

    private static void page(HttpServletResponse response, int status, String next, String message)
            throws IOException {
        byte[] body = LoginPage.render(next, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", LoginPage.CSP);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
