package org.bakusoku.webconsole.internal.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Gives the Felix Web Console's own pages the session's CSRF token without changing the console: HTML
 * answers are buffered and, before {@code </head>}, get
 * <pre>&lt;meta name="csrf-token" content="..."&gt; &lt;script src=".../csrf.js"&gt;&lt;/script&gt;</pre>
 * The script ({@code web/security/csrf.js}) adds the token to the console's XMLHttpRequest and fetch calls
 * and to its form submissions. Non-HTML answers (JSON, images, bundle downloads) pass through unbuffered.
 * Console pages are a few tens of kB, so buffering them costs little.
 */
final class CsrfTokenInjector extends HttpServletResponseWrapper {

    /** The token script, served by the Security console page from this bundle's {@code /res/security/}. */
    static final String SCRIPT = "/system/console/security/res/security/csrf.js";

    private final String snippet;
    private ByteArrayOutputStream buffer;
    private PrintWriter writer;
    private ServletOutputStream stream;

    /**
     * @param response  the response to wrap
     * @param csrfToken the session's token (URL-safe Base64, safe inside an HTML attribute)
     */
    CsrfTokenInjector(HttpServletResponse response, String csrfToken) {
        super(response);
        this.snippet = "<meta name=\"csrf-token\" content=\"" + csrfToken + "\" />\n<script src=\"" + SCRIPT
                + "\"></script>\n";
    }

    private boolean isHtml() {
        String type = getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private boolean buffering() {
        if (buffer == null && writer == null && stream == null && isHtml() && !isCommitted()) {
            buffer = new ByteArrayOutputStream(32 * 1024);
        }
        return buffer != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called");
        }
        if (!buffering()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("console pages are written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was already called");
        }
        if (!buffering()) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer, charset()));
        }
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        if (!isHtml()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!isHtml()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (buffer == null) {
            super.flushBuffer();
        } else if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (buffer != null) {
            if (writer != null) {
                writer.flush();
            }
            buffer.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        buffer = null;
        writer = null;
        stream = null;
    }

    /**
     * Writes the buffered page, with the snippet, to the real response. Call once, after the chain.
     *
     * @throws IOException if the client went away
     */
    void finish() throws IOException {
        if (buffer == null) {
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        HttpServletResponse real = (HttpServletResponse) getResponse();
        if (buffer.size() == 0 || real.isCommitted()) {
            buffer = null; // a redirect or error page was sent instead
            return;
        }
        Charset charset = charset();
        String page = buffer.toString(charset);
        int head = page.toLowerCase(Locale.ROOT).indexOf("</head>");
        if (head >= 0) {
            page = page.substring(0, head) + snippet + page.substring(head);
        }
        byte[] bytes = page.getBytes(charset);
        real.setContentLength(bytes.length);
        real.getOutputStream().write(bytes);
        buffer = null;
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? java.nio.charset.StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }
}
