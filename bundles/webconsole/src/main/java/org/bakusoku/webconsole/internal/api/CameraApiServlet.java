package org.bakusoku.webconsole.internal.api;

import java.io.IOException;

import org.bakusoku.frame.CameraControl;
import org.bakusoku.frame.LiveView;
import org.bakusoku.frame.Snapshots;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The camera API, its own whiteboard servlet under {@code /api/v1/camera} and {@code /api/v1/snapshots} (the longer
 * patterns win over {@code /api/v1/*}, so the shared router stays untouched); routes in {@link CameraRoutes}.
 * Without the camera bundle's services every route answers 503 {@code camera_unavailable}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ CameraRoutes.CAMERA + "/*", CameraRoutes.SNAPSHOTS + "/*" })
@HttpWhiteboardServletName("bakusoku-api-camera")
public final class CameraApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CameraControl camera;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile LiveView live;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Snapshots snapshots;

    private final transient CameraRoutes routes;
    private final transient ApiRouter router;

    /**
     * @param auth not called here: referenced so that the API is registered only while the login
     *             preprocessor is, and is never served without authentication
     */
    @Activate
    public CameraApiServlet(@Reference AuthPreprocessor auth) {
        routes = new CameraRoutes(() -> camera, () -> live, () -> snapshots);
        router = routes.router();
    }

    /** Ends the live streams being served, so that they do not hold on to a departing servlet. */
    @Deactivate
    void deactivate() {
        routes.close();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        router.dispatchByUri(request, response);
    }
}
