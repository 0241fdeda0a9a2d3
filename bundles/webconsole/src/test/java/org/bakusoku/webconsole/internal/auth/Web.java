package org.bakusoku.webconsole.internal.auth;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bakusoku.webconsole.internal.FakeHttp;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests and responses for the auth tests: {@link FakeHttp}'s stand-ins plus cookies, the request's own
 * origin ({@code http://pi.local:8080}), query string, redirects and added headers.
 */
public final class Web {

    public static final String ORIGIN = "http://pi.local:8080";

    private Web() {
    }

    /** A request as a browser or script would send it; a {@code Cookie} header becomes getCookies(). */
    public static HttpServletRequest request(String method, String target, Map<String, String> headers) {
        HttpServletRequest request = FakeHttp.request(method, target, headers);
        int q = target.indexOf('?');
        when(request.getQueryString()).thenReturn(q < 0 ? null : target.substring(q + 1));
        when(request.getScheme()).thenReturn("http");
        when(request.getServerName()).thenReturn("pi.local");
        when(request.getServerPort()).thenReturn(8080);
        when(request.isSecure()).thenReturn(false);
        String cookie = headers.get("Cookie");
        if (cookie != null) {
            List<Cookie> cookies = new ArrayList<>();
            for (String part : cookie.split(";\\s*")) {
                String[] kv = part.split("=", 2);
                cookies.add(new Cookie(kv[0], kv.length > 1 ? kv[1] : ""));
            }
            when(request.getCookies()).thenReturn(cookies.toArray(new Cookie[0]));
        }
        return request;
    }

    public static Map<String, String> basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + token);
    }

    public static Map<String, String> headers(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** {@link FakeHttp.Response} plus added headers, redirects, getStatus, getWriter and content type. */
    public static final class Response {
        public final FakeHttp.Response fake = new FakeHttp.Response();
        public final List<String> setCookies = new ArrayList<>();

        public Response() throws IOException {
            doAnswer(a -> {
                if ("Set-Cookie".equals(a.getArgument(0))) {
                    setCookies.add(a.getArgument(1));
                } else {
                    fake.headers.put(a.getArgument(0), a.getArgument(1));
                }
                return null;
            }).when(fake.mock).addHeader(anyString(), anyString());
            doAnswer(a -> {
                fake.status = 302;
                fake.headers.put("Location", a.getArgument(0));
                return null;
            }).when(fake.mock).sendRedirect(anyString());
            when(fake.mock.getStatus()).thenAnswer(a -> fake.status);
            when(fake.mock.getContentType()).thenAnswer(a -> fake.contentType);
            when(fake.mock.getCharacterEncoding()).thenReturn("UTF-8");
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(fake.body, StandardCharsets.UTF_8), true);
            when(fake.mock.getWriter()).thenReturn(writer);
            doAnswer(a -> null).when(fake.mock).setContentLength(anyInt());
            doAnswer(a -> null).when(fake.mock).setContentLengthLong(anyLong());
        }

        public int status() {
            return fake.status;
        }

        public String header(String name) {
            return fake.headers.get(name);
        }

        public String body() {
            return fake.body.toString(StandardCharsets.UTF_8);
        }
    }
}
