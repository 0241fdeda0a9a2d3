package org.bakusoku.webconsole.internal;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Servlet request and response stand-ins (Mockito mocks with recorded state) for fast unit tests. */
public final class FakeHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeHttp() {
    }

    /**
     * @param method  HTTP method
     * @param target  path with optional query, e.g. {@code /api/v1/detections/latest.jpg?frame_time_ms=5}
     * @param headers request headers
     * @return a request whose path info is the part below {@code /api/v1} (null outside it), with working
     *         attributes
     */
    public static HttpServletRequest request(String method, String target, Map<String, String> headers) {
        int q = target.indexOf('?');
        String uri = q < 0 ? target : target.substring(0, q);
        Map<String, String> params = new HashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getContextPath()).thenReturn("");
        when(request.getRemoteAddr()).thenReturn("192.0.2.7");
        when(request.getPathInfo()).thenReturn(uri.startsWith("/api/v1/") ? uri.substring("/api/v1".length()) : null);
        when(request.getHeader(anyString())).thenAnswer(a -> headers.get(a.<String>getArgument(0)));
        when(request.getParameter(anyString())).thenAnswer(a -> params.get(a.<String>getArgument(0)));
        when(request.getAttribute(anyString())).thenAnswer(a -> attributes.get(a.<String>getArgument(0)));
        doAnswer(a -> attributes.put(a.getArgument(0), a.getArgument(1))).when(request)
                .setAttribute(anyString(), org.mockito.ArgumentMatchers.any());
        return request;
    }

    /** @return a GET request without headers */
    public static HttpServletRequest get(String target) {
        return request("GET", target, Map.of());
    }

    /**
     * Adds a body and its content type to a request.
     *
     * @return the request
     */
    public static HttpServletRequest withBody(HttpServletRequest request, String contentType, String body)
            throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        when(request.getContentType()).thenReturn(contentType);
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        });
        return request;
    }

    /** A blocking servlet output stream into a buffer; a test overrides {@link #flush()} to play a client leaving. */
    public static class Output extends ServletOutputStream {
        private final ByteArrayOutputStream bytes;

        /** @param bytes receives what is written */
        public Output(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    /** What a servlet wrote: status, headers, content type and body. */
    public static final class Response {
        public int status = HttpServletResponse.SC_OK;
        public String contentType;
        public final Map<String, String> headers = new LinkedHashMap<>();
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();
        public final HttpServletResponse mock = mock(HttpServletResponse.class);

        public Response() {
            doAnswer(a -> status = a.getArgument(0)).when(mock).setStatus(anyInt());
            doAnswer(a -> headers.put(a.getArgument(0), a.getArgument(1))).when(mock).setHeader(anyString(), anyString());
            doAnswer(a -> contentType = a.getArgument(0)).when(mock).setContentType(anyString());
            doAnswer(a -> {
                status = HttpServletResponse.SC_OK;
                headers.clear();
                body.reset();
                return null;
            }).when(mock).reset();
            try {
                when(mock.getOutputStream()).thenReturn(new Output(body));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        /** @return the body parsed as JSON */
        public JsonNode json() throws IOException {
            return MAPPER.readTree(body.toByteArray());
        }
    }

    /** @return JSON text parsed, for comparing whole documents */
    public static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }
}
