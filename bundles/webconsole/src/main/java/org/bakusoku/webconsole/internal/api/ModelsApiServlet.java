package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.bakusoku.model.ModelRepository;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * The model API, {@code /api/v1/models...} (routes and shapes in {@link ModelsApi}), as its own whiteboard servlet:
 * the longer pattern wins over {@code /api/v1/*}, so the shared router stays untouched. Login and CSRF checks are
 * done by {@link AuthPreprocessor} before a request gets here.
 *
 * <p>Uploads are multipart ({@code model}, optional {@code labels}, {@code name}) through the servlet API's
 * {@link Part}s: the container spools parts above {@value #MEMORY_THRESHOLD} bytes to temporary files, never to
 * the heap. An upload whose declared length exceeds the repository's limit (plus room for the label file) is
 * answered 413 before a byte of it is read; the repository cuts the model stream at its limit in any case.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ModelsApiServlet.MODELS + "/*")
@HttpWhiteboardServletName("bakusoku-api-models")
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = ModelsApiServlet.MEMORY_THRESHOLD,
        maxFileSize = ModelsApiServlet.HARD_LIMIT, maxRequestSize = ModelsApiServlet.HARD_LIMIT)
public final class ModelsApiServlet extends HttpServlet {

    static final String MODELS = ApiRouter.PREFIX + "/models";
    /** Parts up to this size stay in memory, bytes. */
    static final int MEMORY_THRESHOLD = 256 * 1024;
    /** The container's own cap, bytes: the repository's largest configurable limit (1 GiB) plus form overhead. */
    static final long HARD_LIMIT = (1L << 30) + (2L << 20);
    /** Room for the label file (at most 1 MiB) and the multipart framing, bytes. */
    static final long FORM_OVERHEAD = 2L << 20;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ModelsApiServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ModelRepository repository;

    private final transient ModelsApi api;

    /**
     * @param auth not called here: referenced so that the API is registered only while the login
     *             preprocessor is, and is never served without authentication
     */
    @Activate
    public ModelsApiServlet(@Reference AuthPreprocessor auth) {
        api = new ModelsApi(() -> repository);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Answer.serve(request, response, LOG, MODELS, below -> route(request, below));
    }

    /** Dispatches on the path below {@code /api/v1/models}: "", "/rollback", "/{id}", "/{id}/activate|validate". */
    private Answer route(HttpServletRequest request, String below) throws IOException {
        String method = request.getMethod();
        String[] segments = below.replaceAll("^/+|/+$", "").split("/");
        if (below.replace("/", "").isEmpty()) {
            return switch (method) {
                case "GET" -> api.list();
                case "POST" -> upload(request);
                default -> Answer.notAllowed("GET, POST");
            };
        }
        if (segments.length == 1 && segments[0].equals("rollback")) {
            return "POST".equals(method) ? api.rollback() : Answer.notAllowed("POST");
        }
        if (segments.length == 1) {
            return switch (method) {
                case "GET" -> api.get(segments[0]);
                case "DELETE" -> api.delete(segments[0]);
                default -> Answer.notAllowed("GET, DELETE");
            };
        }
        if (segments.length == 2 && (segments[1].equals("activate") || segments[1].equals("validate"))) {
            if (!"POST".equals(method)) {
                return Answer.notAllowed("POST");
            }
            return segments[1].equals("activate") ? api.activate(segments[0]) : api.validate(segments[0]);
        }
        return Answer.noRoute(MODELS + below);
    }

    /** {@code POST /models}: multipart {@code model}, optional {@code labels}, {@code name}. */
    private Answer upload(HttpServletRequest request) throws IOException {
        long max = api.maxModelBytes();
        long length = request.getContentLengthLong();
        if (max > 0 && length > max + FORM_OVERHEAD) {
            return Answer.error(413, "too_large", "The upload has " + length + " bytes; models up to "
                    + max + " bytes are accepted (upload.max.bytes of org.bakusoku.model). Nothing was read.");
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Answer.error(400, "bad_request", "Send the model as multipart/form-data with the fields"
                    + " model (the .tflite file), optional labels (a text file) and name.");
        }
        Part model;
        Part labels;
        try {
            model = request.getPart("model");
            labels = request.getPart("labels");
        } catch (IllegalStateException e) {
            return Answer.error(413, "too_large", "The upload is larger than this appliance accepts.");
        } catch (ServletException e) {
            return Answer.error(400, "bad_request", "The multipart upload could not be read: "
                    + e.getMessage());
        }
        if (model == null || model.getSize() == 0 && model.getSubmittedFileName() == null) {
            return Answer.error(400, "bad_request", "The multipart field 'model' (the .tflite file) is"
                    + " missing.");
        }
        String name = request.getParameter("name");
        if (name == null || name.isBlank()) {
            String file = model.getSubmittedFileName();
            name = file == null ? null : file.replaceFirst("\\.tflite$", "");
        }
        try (InputStream modelIn = model.getInputStream();
                InputStream labelsIn = labels == null || labels.getSize() == 0 ? null : labels.getInputStream()) {
            return api.install(modelIn, labelsIn, name);
        } finally {
            model.delete();
            if (labels != null) {
                labels.delete();
            }
        }
    }
}
