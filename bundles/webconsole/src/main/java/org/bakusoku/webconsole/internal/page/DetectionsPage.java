package org.bakusoku.webconsole.internal.page;

import org.osgi.service.component.annotations.Component;
import org.owasp.encoder.Encode;

import jakarta.servlet.Servlet;

/**
 * The console page "Bakusoku / Detections" at {@code /system/console/detections}: the latest frame with
 * boxes and labels, the detection list, FPS, invoke time, model and relay states, refreshed by
 * {@code web/detections/detections.js} from the JSON API about every 500 ms.
 *
 * <p>This servlet only writes the static skeleton into the console's frame; the script fills it through
 * DOM text nodes and canvas text, never through HTML strings, so labels from user-supplied label files
 * cannot inject markup. Assets come from this bundle's {@code /res/} folder (the repository's
 * {@code web/} folder), which the console serves under {@code <plugin root>/res/}.
 *
 * <p>The console runs every plugin's HTML through a {@code ${name}} variable filter, which is why the
 * skeleton contains no such sequence and the script lives in its own file.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + DetectionsPage.LABEL,
        "felix.webconsole.title=Detections",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + DetectionsPage.LABEL + "/res/detections/detections.css" })
public final class DetectionsPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "detections";
    /** API base the script polls; the preprocessor protects it with the same login as the console. */
    static final String API_BASE = "/api/v1";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public DetectionsPage() {
        super(LABEL, (pluginRoot, appRoot) -> skeleton(pluginRoot));
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot) {
        String script = script(pluginRoot, LABEL);
        return """
                <div id="bks-detections" class="bks" data-api="%s">
                  <p id="bks-status" class="bks-status">Waiting for the first frame&hellip;</p>
                  <div class="bks-grid">
                    <div class="bks-view">
                      <canvas id="bks-canvas" width="640" height="480"
                              aria-label="Latest analysed frame with detected objects"></canvas>
                    </div>
                    <div class="bks-side">
                      <table class="nicetable bks-stats">
                        <tbody>
                          <tr><th>Model</th><td id="bks-model">&ndash;</td></tr>
                          <tr><th>Frames per second</th><td id="bks-fps">&ndash;</td></tr>
                          <tr><th>Inference (invoke)</th><td id="bks-invoke">&ndash;</td></tr>
                          <tr><th>Frame captured</th><td id="bks-frame-time">&ndash;</td></tr>
                        </tbody>
                      </table>
                      <h3>Detections</h3>
                      <table class="nicetable bks-list">
                        <thead><tr><th>Label</th><th>Score</th><th>Box (xmin, ymin, xmax, ymax)</th></tr></thead>
                        <tbody id="bks-detections-list"></tbody>
                      </table>
                      <h3>Relays</h3>
                      <table class="nicetable bks-list">
                        <thead><tr><th>Relay</th><th>BCM pin</th><th>State</th><th>Last change</th><th>Reason</th></tr></thead>
                        <tbody id="bks-relays"></tbody>
                      </table>
                    </div>
                  </div>
                </div>
                <script src="%s"></script>
                """.formatted(Encode.forHtmlAttribute(API_BASE), script);
    }
}
