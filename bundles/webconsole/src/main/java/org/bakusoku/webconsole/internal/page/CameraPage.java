package org.bakusoku.webconsole.internal.page;

import org.osgi.service.component.annotations.Component;
import org.owasp.encoder.Encode;

import jakarta.servlet.Servlet;

/**
 * The console page "Bakusoku / Camera" at {@code /system/console/camera}: the live view (an MJPEG stream of the
 * display frames with the latest boxes, from {@code /api/v1/camera/live.mjpeg}), the camera's state, reason and
 * measured capture rate, a link to its settings on the Configuration page, and the recent snapshots with time,
 * labels and scores. {@code web/camera/camera.js} fills it from the API every second.
 *
 * <p>Like the other pages this servlet only writes the static skeleton; the script writes API values as text nodes,
 * never as HTML, and the skeleton holds no dollar-brace sequence (the console treats those as template variables).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + CameraPage.LABEL,
        "felix.webconsole.title=Camera",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + CameraPage.LABEL + "/res/camera/camera.css" })
public final class CameraPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "camera";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public CameraPage() {
        super(LABEL, (pluginRoot, appRoot) -> skeleton(pluginRoot));
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot) {
        String script = script(pluginRoot, LABEL);
        String console = pluginRoot.substring(0, pluginRoot.length() - LABEL.length());
        return """
                <div id="bks-camera" class="bks" data-api="/api/v1">
                  <p id="bks-camera-status" class="bks-status">Reading the camera&hellip;</p>
                  <div class="bks-grid">
                    <div class="bks-view">
                      <img id="bks-camera-live" class="bks-camera-live" alt="Live view of the camera with detections">
                    </div>
                    <div class="bks-side">
                      <table class="nicetable bks-stats">
                        <tbody>
                          <tr><th>Source</th><td id="bks-camera-source">&ndash;</td></tr>
                          <tr><th>URL</th><td id="bks-camera-url">&ndash;</td></tr>
                          <tr><th>State</th><td id="bks-camera-state">&ndash;</td></tr>
                          <tr><th>Reason</th><td id="bks-camera-reason">&ndash;</td></tr>
                          <tr><th>Capture rate</th><td id="bks-camera-fps">&ndash;</td></tr>
                          <tr><th>Since</th><td id="bks-camera-since">&ndash;</td></tr>
                        </tbody>
                      </table>
                      <p><a href="%s">Change the camera settings</a> (Configuration, &ldquo;Bakusoku camera&rdquo;)</p>
                      <h3>Snapshots</h3>
                      <table class="nicetable bks-list">
                        <thead><tr><th>Picture</th><th>Time</th><th>Objects</th><th>Trigger</th></tr></thead>
                        <tbody id="bks-camera-snapshots"></tbody>
                      </table>
                    </div>
                  </div>
                </div>
                <script src="%s"></script>
                """.formatted(Encode.forHtmlAttribute(console + "configMgr/org.bakusoku.camera"), script);
    }
}
