package org.bakusoku.webconsole.internal.page;

import org.osgi.service.component.annotations.Component;
import org.owasp.encoder.Encode;

import jakarta.servlet.Servlet;

/**
 * The console page "Bakusoku / Relays" at {@code /system/console/relays}: how GPIO is reached, each relay's
 * live state with the rule and detection behind its last change, a test pulse (N ms) and a reset per relay,
 * refused relay and rule configurations, the rules, and the recent transition log. {@code web/relays/relays.js}
 * fills it from {@code /api/v1/relays...} and {@code /api/v1/rules} every second. Rules and relays are edited
 * on the console's Configuration page (factory configurations "Bakusoku detection rule" and "Bakusoku relay").
 *
 * <p>Like the other pages this servlet only writes the static skeleton; the script writes API values as text
 * nodes, never as HTML, and the skeleton holds no dollar-brace sequence (the console treats those as
 * template variables).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + RelaysPage.LABEL,
        "felix.webconsole.title=Relays",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + RelaysPage.LABEL + "/res/relays/relays.css" })
public final class RelaysPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "relays";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public RelaysPage() {
        super(LABEL, RelaysPage::skeleton);
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @param appRoot    the console's URL path, for the link to the Configuration page
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot, String appRoot) {
        String script = script(pluginRoot, LABEL);
        String config = Encode.forHtmlAttribute(appRoot + "/configMgr");
        return """
                <div id="bks-relays" class="bks" data-api="%s">
                  <p id="bks-relays-status" class="bks-status">Reading the relays&hellip;</p>
                  <p class="bks-relays-gpio">GPIO: <span id="bks-relays-gpio">&ndash;</span></p>
                  <h3>Relays</h3>
                  <table class="nicetable bks-list">
                    <thead><tr><th>Relay</th><th>BCM pin</th><th>State</th><th>Last change</th><th>Cause</th>
                      <th>Test</th></tr></thead>
                    <tbody id="bks-relays-list"></tbody>
                  </table>
                  <p class="bks-relays-note">Test pulse length:
                    <input id="bks-relays-ms" type="number" min="1" max="3600000" value="1000" size="8"> ms.
                    Reset returns a relay to its safe state, releases a latch and re-arms a relay locked out after
                    its maximum on-time.</p>
                  <div id="bks-relays-problems-box" hidden>
                    <h3>Refused configurations</h3>
                    <table class="nicetable bks-list">
                      <thead><tr><th>Configuration</th><th>Problem</th><th>Since</th></tr></thead>
                      <tbody id="bks-relays-problems"></tbody>
                    </table>
                  </div>
                  <h3>Rules</h3>
                  <p class="bks-relays-note">Edit rules and relays on the
                    <a href="%s">Configuration page</a> ("Bakusoku detection rule", "Bakusoku relay").</p>
                  <table class="nicetable bks-list">
                    <thead><tr><th>Rule</th><th>What it does</th><th>State</th><th>Last action</th></tr></thead>
                    <tbody id="bks-relays-rules"></tbody>
                  </table>
                  <h3>Recent transitions</h3>
                  <table class="nicetable bks-list">
                    <thead><tr><th>Time</th><th>Relay</th><th>BCM pin</th><th>Change</th><th>Cause</th></tr></thead>
                    <tbody id="bks-relays-events"></tbody>
                  </table>
                </div>
                <script src="%s"></script>
                """.formatted(Encode.forHtmlAttribute("/api/v1"), config, script);
    }
}
