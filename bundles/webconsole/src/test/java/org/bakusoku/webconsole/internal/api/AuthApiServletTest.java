package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bakusoku.webconsole.internal.FakeHttp;
import org.bakusoku.webconsole.internal.auth.AdminAccount;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.bakusoku.webconsole.internal.auth.Authenticator;
import org.bakusoku.webconsole.internal.auth.Fixture;
import org.bakusoku.webconsole.internal.auth.Web;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;

/** The auth API behind the real preprocessor (login, CSRF, audit) on a temporary data folder. */
class AuthApiServletTest {

    @TempDir
    Path data;

    private Fixture fx;
    private AuthApiServlet servlet;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(data);
        servlet = new AuthApiServlet(fx.auth());
    }

    private Web.Response call(String method, String path, Map<String, String> headers, String json) throws Exception {
        HttpServletRequest request = Web.request(method, "/api/v1/auth" + path, headers);
        when(request.getPathInfo()).thenReturn(path); // as the whiteboard sets it for the /api/v1/auth/* servlet
        if (json != null) {
            FakeHttp.withBody(request, "application/json", json);
        }
        Web.Response response = new Web.Response();
        FilterChain chain = (req, res) -> servlet.service(req, res);
        fx.preprocessor.doFilter(request, response.fake.mock, chain);
        return response;
    }

    @Test
    void initialPasswordStopsWorkingOnceTheUserSetsANewOne() throws Exception {
        Map<String, String> initial = Web.basic("admin", fx.password);
        assertThat(call("GET", "/me", initial, null).fake.json().get("via").asText()).isEqualTo("basic");

        Web.Response changed = call("POST", "/password", initial,
                "{\"current_password\": \"" + fx.password + "\", \"new_password\": \"a much better pass phrase\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.fake.json().get("changed").asBoolean()).isTrue();
        assertThat(call("GET", "/me", initial, null).status()).isEqualTo(401);
        assertThat(call("GET", "/me", Web.basic("admin", "a much better pass phrase"), null).status()).isEqualTo(200);
        String stored = Files.readString(data.resolve(AdminAccount.HASH_FILE));
        assertThat(stored).doesNotContain("a much better pass phrase").doesNotContain(fx.password);
        assertThat(data.resolve(AdminAccount.INITIAL_FILE)).doesNotExist();
        assertThat(fx.auditText()).contains("what=\"password change\" result=ok")
                .contains("what=\"POST /api/v1/auth/password\" result=200");
    }

    @Test
    void sessionOnTheGeneratedPasswordMayChangeItAndIsThenFree() throws Exception {
        Authenticator.LoggedIn login = (Authenticator.LoggedIn) fx.auth().login("admin", fx.password, "192.0.2.7");
        String token = login.caller().session().csrfToken();
        Map<String, String> browser = Web.headers("Cookie", "bakusoku_session=" + login.cookieValue(), "Origin",
                Web.ORIGIN, "X-CSRF-Token", token);
        assertThat(call("GET", "/me", browser, null).fake.json().get("must_change_password").asBoolean()).isTrue();
        assertThat(call("GET", "/tokens", browser, null).status()).isEqualTo(403);
        Authenticator.LoggedIn other = (Authenticator.LoggedIn) fx.auth().login("admin", fx.password, "192.0.2.8");

        Web.Response weak = call("POST", "/password", browser,
                "{\"current_password\": \"" + fx.password + "\", \"new_password\": \"short\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.fake.json().get("message").asText()).contains("at least 10");
        Web.Response wrong = call("POST", "/password", browser,
                "{\"current_password\": \"nope\", \"new_password\": \"a much better pass phrase\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.fake.json().get("error").asText()).isEqualTo("wrong_password");
        Web.Response ok = call("POST", "/password", browser,
                "{\"current_password\": \"" + fx.password + "\", \"new_password\": \"a much better pass phrase\"}");
        assertThat(ok.status()).isEqualTo(200);

        assertThat(call("GET", "/me", browser, null).fake.json().get("must_change_password").asBoolean()).isFalse();
        assertThat(call("GET", "/tokens", browser, null).status()).isEqualTo(200);
        assertThat(fx.sessions.find(other.cookieValue())).as("other sessions ended").isEmpty();
    }

    @Test
    void tokensAreCreatedShownOnceListedAndRevoked() throws Exception {
        fx.account.changePassword("a much better pass phrase");
        Map<String, String> script = Web.basic("admin", "a much better pass phrase");

        Web.Response created = call("POST", "/tokens", script, "{\"name\": \"nightly backup\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.fake.json();
        String secret = body.get("token").asText();
        String id = body.get("id").asText();
        assertThat(secret).startsWith("bks_");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + secret);
        assertThat(call("GET", "/me", bearer, null).fake.json().get("via").asText()).isEqualTo("token");
        JsonNode list = call("GET", "/tokens", script, null).fake.json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("nightly backup");
        assertThat(list.get(0).has("token")).isFalse();
        assertThat(list.get(0).get("last_used_at").asText()).isEqualTo("2027-01-15T08:00:00Z");

        assertThat(call("DELETE", "/tokens/" + id, script, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/tokens/" + id, script, null).status()).isEqualTo(404);
        assertThat(call("GET", "/me", bearer, null).status()).isEqualTo(401);
        assertThat(fx.auditText()).contains("what=\"DELETE /api/v1/auth/tokens/" + id + "\" result=204");
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        Map<String, String> script = Web.basic("admin", fx.password);
        assertThat(call("POST", "/tokens", script, "{\"name\": \"\"}").fake.json().get("message").asText())
                .contains("1 to 64 characters");
        assertThat(call("POST", "/tokens", script, "[1, 2]").status()).isEqualTo(400);
        assertThat(call("POST", "/tokens", script, "{oops").fake.json().get("message").asText())
                .isEqualTo("The body is not valid JSON.");
        assertThat(call("POST", "/tokens", script, "").fake.json().get("message").asText())
                .isEqualTo("The body must be a JSON object.");
        HttpServletRequest form = FakeHttp.withBody(Web.request("POST", "/api/v1/auth/tokens", script),
                "application/x-www-form-urlencoded", "name=x");
        when(form.getPathInfo()).thenReturn("/tokens");
        Web.Response refused = new Web.Response();
        fx.preprocessor.doFilter(form, refused.fake.mock, (req, res) -> servlet.service(req, res));
        assertThat(refused.status()).isEqualTo(415);
        assertThat(call("PUT", "/tokens", script, "{}").status()).isEqualTo(405);
        assertThat(call("GET", "/nothing", script, null).status()).isEqualTo(404);
        assertThat(call("GET", "/password", script, null).header("Allow")).isEqualTo("POST");
    }

    @Test
    void withoutThePreprocessorsMarkNothingIsAnswered() throws Exception {
        Web.Response response = new Web.Response();
        HttpServletRequest request = Web.request("GET", "/api/v1/auth/me", Map.of());
        when(request.getPathInfo()).thenReturn("/me");
        servlet.service(request, response.fake.mock);
        assertThat(response.status()).isEqualTo(401);
        assertThat(AuthPreprocessor.CALLER_ATTRIBUTE).isNotEmpty();
    }
}
