package org.bakusoku.webconsole.internal.page;

import org.osgi.service.component.annotations.Component;
import org.owasp.encoder.Encode;

import jakarta.servlet.Servlet;

/**
 * The console page "Bakusoku / CPU" at {@code /system/console/cpu}: governor selector, a chart of frequency
 * and temperature over the last 10 minutes, the decoded throttling flags, the thermal guard, the overclock
 * profile selector with "Try it (reboot)", the state of a pending tryboot and the boot configuration's
 * overclock lines. {@code web/cpu/cpu.js} fills it from {@code /api/v1/cpu} every 2 s; off-Pi it says plainly
 * that there is no cpufreq.
 *
 * <p>Like the Detections page this servlet only writes the static skeleton; the script writes API values as
 * text nodes and canvas text, never as HTML, and the skeleton holds no dollar-brace sequence (the console
 * treats those as template variables).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + CpuPage.LABEL,
        "felix.webconsole.title=CPU",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + CpuPage.LABEL + "/res/cpu/cpu.css" })
public final class CpuPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "cpu";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public CpuPage() {
        super(LABEL, (pluginRoot, appRoot) -> skeleton(pluginRoot));
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot) {
        String script = script(pluginRoot, LABEL);
        return """
                <div id="bks-cpu" class="bks" data-api="%s">
                  <p id="bks-cpu-status" class="bks-status">Reading the CPU&hellip;</p>
                  <p id="bks-cpu-unavailable" class="bks-cpu-note" hidden></p>
                  <div class="bks-grid">
                    <div class="bks-view">
                      <h3>Last 10 minutes</h3>
                      <canvas id="bks-cpu-chart" width="720" height="280"
                              aria-label="CPU temperature and frequency over the last 10 minutes"></canvas>
                      <p class="bks-cpu-legend"><span class="bks-cpu-key-temp">&#9632; temperature, &deg;C (left)</span>
                        <span class="bks-cpu-key-freq">&#9632; frequency, MHz (right)</span>
                        <span class="bks-cpu-key-guard">- - guard threshold</span></p>
                      <h3>Boot configuration</h3>
                      <p id="bks-cpu-boot-file" class="bks-cpu-note"></p>
                      <table class="nicetable bks-list">
                        <thead><tr><th>Setting</th><th>Value</th><th>Section</th><th>File, line</th><th>Set by</th></tr></thead>
                        <tbody id="bks-cpu-boot"></tbody>
                      </table>
                    </div>
                    <div class="bks-side">
                      <table class="nicetable bks-stats">
                        <tbody>
                          <tr><th>Board</th><td id="bks-cpu-board">&ndash;</td></tr>
                          <tr><th>Temperature</th><td id="bks-cpu-temp">&ndash;</td></tr>
                          <tr><th>Frequency</th><td id="bks-cpu-freq">&ndash;</td></tr>
                          <tr><th>Throttling now</th><td id="bks-cpu-now">&ndash;</td></tr>
                          <tr><th>Throttling since boot</th><td id="bks-cpu-since">&ndash;</td></tr>
                          <tr><th>Thermal guard</th><td id="bks-cpu-guard">&ndash;</td></tr>
                        </tbody>
                      </table>
                      <h3>Governor</h3>
                      <p><label for="bks-cpu-governor">cpufreq governor</label>
                        <select id="bks-cpu-governor"></select>
                        <button id="bks-cpu-governor-set" type="button">Set</button></p>
                      <h3>Overclock</h3>
                      <p class="bks-cpu-warning">Overclocking runs the CPU faster than its default clock and at a
                        higher voltage. The Pi gets hotter and draws more current: with poor cooling or a weak power
                        supply the firmware throttles it and the gain is lost, and a clock the board cannot sustain
                        crashes it or can corrupt the SD card. Not every board is stable at the higher profiles.
                        The appliance therefore tries a profile once through the firmware's tryboot: the Pi reboots
                        into it, and only if it stays healthy for the trial (no under-voltage, temperature below the
                        limit, frames being analysed) is the profile written to config.txt. If it fails, crashes or is
                        reset, the next boot uses the old config.txt. The appliance never sets force_turbo, which
                        together with over_voltage would set the SoC's permanent warranty bit.</p>
                      <table class="nicetable bks-stats">
                        <tbody>
                          <tr><th>In config.txt</th><td id="bks-cpu-profile">&ndash;</td></tr>
                          <tr><th>Tryboot</th><td id="bks-cpu-tryboot">&ndash;</td></tr>
                        </tbody>
                      </table>
                      <p><label for="bks-cpu-profiles">Profile</label>
                        <select id="bks-cpu-profiles"></select>
                        <button id="bks-cpu-try" type="button">Try it (reboot)</button></p>
                      <p id="bks-cpu-profile-description" class="bks-cpu-note"></p>
                    </div>
                  </div>
                </div>
                <script src="%s"></script>
                """.formatted(Encode.forHtmlAttribute("/api/v1"), script);
    }
}
