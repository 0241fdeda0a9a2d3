package org.bakusoku.webconsole.internal.page;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.owasp.encoder.Encode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console page "Bakusoku / Security" at {@code /system/console/security}: change the admin password,
 * create and revoke API tokens. A session still on the generated password is sent here after its login and
 * can reach nothing else until it has chosen a new password.
 *
 * <p>Like the Detections page, this servlet only writes a static skeleton; {@code web/security/security.js}
 * talks to {@code /api/v1/auth} and fills it through text nodes. The inputs carry no {@code name}, so even
 * without the script no password is ever sent in a form. The page's resource folder also serves
 * {@code csrf.js}, which the login preprocessor adds to every console page opened with a session.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + SecurityPage.LABEL,
        "felix.webconsole.title=Security",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + SecurityPage.LABEL + "/res/security/security.css" })
public final class SecurityPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "security";
    /** API base the script calls. */
    static final String API_BASE = "/api/v1/auth";
    /** Where the script goes after the first password change. */
    static final String HOME = "/system/console/detections";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public SecurityPage() {
        super(LABEL, (pluginRoot, appRoot) -> skeleton(pluginRoot));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The page where the password and the API tokens are managed stays out of browser and proxy caches.
        response.setHeader("Cache-Control", "no-store");
        super.doGet(request, response);
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot) {
        String script = script(pluginRoot, LABEL);
        return """
                <div id="bks-security" class="bks" data-api="%s" data-home="%s">
                  <p id="bks-sec-status" class="bks-status" role="status"></p>
                  <p id="bks-sec-must" class="bks-warn" hidden>You logged in with the generated password.
                    Choose your own password now: it replaces the generated one for the browser and for scripts.</p>
                  <h3>Admin password</h3>
                  <form id="bks-sec-password" method="post" action="#" autocomplete="off">
                    <table class="nicetable"><tbody>
                      <tr><th><label for="bks-sec-current">Current password</label></th>
                          <td><input id="bks-sec-current" type="password" autocomplete="current-password" required></td></tr>
                      <tr><th><label for="bks-sec-new">New password (at least 10 characters)</label></th>
                          <td><input id="bks-sec-new" type="password" autocomplete="new-password" minlength="10" required></td></tr>
                      <tr><th><label for="bks-sec-repeat">New password again</label></th>
                          <td><input id="bks-sec-repeat" type="password" autocomplete="new-password" minlength="10" required></td></tr>
                    </tbody></table>
                    <button type="submit">Change password</button>
                  </form>
                  <div id="bks-sec-tokens-section">
                    <h3>API tokens</h3>
                    <p>Scripts send <code>Authorization: Bearer &lt;token&gt;</code>. A token is shown once, when it is created.</p>
                    <form id="bks-sec-token-form" method="post" action="#">
                      <label for="bks-sec-token-name">Name</label>
                      <input id="bks-sec-token-name" maxlength="64" required>
                      <button type="submit">Create token</button>
                    </form>
                    <p id="bks-sec-new-token" class="bks-warn" hidden>New token, copy it now (it is not shown again):
                      <code id="bks-sec-new-token-value"></code></p>
                    <table class="nicetable bks-list">
                      <thead><tr><th>Name</th><th>Id</th><th>Created</th><th>Last used</th><th></th></tr></thead>
                      <tbody id="bks-sec-tokens"></tbody>
                    </table>
                  </div>
                  <h3>Audit log</h3>
                  <p>Logins, failed logins, logouts and every change made through the console or the API are recorded
                    in <code>&lt;data&gt;/audit.log</code> (who, what, when, from where).</p>
                </div>
                <script src="%s"></script>
                """.formatted(Encode.forHtmlAttribute(API_BASE), Encode.forHtmlAttribute(HOME), script);
    }
}
