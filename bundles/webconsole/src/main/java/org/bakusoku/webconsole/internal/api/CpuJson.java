package org.bakusoku.webconsole.internal.api;

import java.time.Instant;
import java.util.List;

import org.bakusoku.cpu.BootSetting;
import org.bakusoku.cpu.CpuPolicy;
import org.bakusoku.cpu.CpuSample;
import org.bakusoku.cpu.CpuSnapshot;
import org.bakusoku.cpu.GuardState;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.ThrottleState;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire format of the CPU API (field names spelled out here, units in the names: {@code _mhz},
 * {@code _c}, {@code _ms}, instants {@code _at} as ISO-8601 UTC).
 */
final class CpuJson {

    private CpuJson() {
    }

    /**
     * @param s        a snapshot
     * @param profiles the board's overclock profiles
     * @return {@code GET /api/v1/cpu}
     */
    static ObjectNode snapshot(CpuSnapshot s, List<OverclockProfile> profiles) {
        ObjectNode root = Json.object();
        root.put("time_at", Instant.ofEpochMilli(s.timeMs()).toString());
        root.put("cpufreq_available", s.cpufreqAvailable());
        root.put("message", s.message());
        root.put("board", s.board().model());
        root.put("board_revision", s.board().revision());
        root.put("board_family", s.board().family().name());
        root.put("governor", s.governor());
        ArrayNode governors = root.putArray("governors_available");
        s.governorsAvailable().forEach(governors::add);
        ArrayNode policies = root.putArray("policies");
        for (CpuPolicy p : s.policies()) {
            ObjectNode node = policies.addObject().put("name", p.name());
            ArrayNode cpus = node.putArray("cpus");
            p.cpus().forEach(cpus::add);
            node.put("governor", p.governor()).put("cur_mhz", p.curMhz()).put("min_mhz", p.minMhz())
                    .put("max_mhz", p.maxMhz()).put("hw_min_mhz", p.hwMinMhz()).put("hw_max_mhz", p.hwMaxMhz());
        }
        if (s.temperatureC() == null) {
            root.putNull("temperature_c");
        } else {
            root.put("temperature_c", Math.round(s.temperatureC() * 10) / 10.0);
        }
        throttle(root, s.throttle());
        root.set("overclock", overclock(s.overclock(), profiles));
        root.set("guard", guard(s.guard()));
        return root;
    }

    private static void throttle(ObjectNode root, ThrottleState t) {
        if (t == null) {
            root.putNull("throttled");
            return;
        }
        ObjectNode node = root.putObject("throttled");
        if (t.raw() == null) {
            node.putNull("raw").putNull("raw_hex");
        } else {
            node.put("raw", t.raw()).put("raw_hex", "0x" + Integer.toHexString(t.raw()));
        }
        ArrayNode now = node.putArray("now");
        t.now().forEach(now::add);
        ArrayNode since = node.putArray("since_boot");
        t.sinceBoot().forEach(since::add);
        node.put("source", t.source());
    }

    /**
     * @param o        the overclock status
     * @param profiles the board's profiles
     * @return the {@code overclock} object (also the answer of {@code POST /api/v1/cpu/overclock})
     */
    static ObjectNode overclock(OverclockStatus o, List<OverclockProfile> profiles) {
        ObjectNode node = Json.object();
        node.put("profile", o.profile());
        node.put("arm_freq", o.armFreqMhz());
        node.put("over_voltage", o.overVoltage());
        node.put("over_voltage_delta", o.overVoltageDeltaUv());
        node.put("pending_tryboot", o.pendingTryboot());
        ObjectNode tryboot = node.putObject("tryboot");
        tryboot.put("phase", o.phase().name());
        tryboot.put("profile", o.phaseProfile());
        tryboot.put("since_at", o.phaseSinceMs() == 0 ? null : Instant.ofEpochMilli(o.phaseSinceMs()).toString());
        tryboot.put("trial_ends_at", o.trialEndsAtMs() == null ? null : Instant.ofEpochMilli(o.trialEndsAtMs()).toString());
        tryboot.put("message", o.message());
        tryboot.put("supported", o.trybootSupported());
        tryboot.put("refusal", o.trybootRefusal());
        node.put("boot_config", o.bootConfigPath());
        ArrayNode settings = node.putArray("boot_settings");
        for (BootSetting b : o.bootSettings()) {
            settings.addObject().put("key", b.key()).put("value", b.value()).put("section", b.section())
                    .put("file", b.file()).put("line", b.line()).put("managed", b.managed());
        }
        ArrayNode list = node.putArray("profiles");
        for (OverclockProfile p : profiles) {
            // arm_freq 0: the stock entry of a board without profiles, whose default clock is not known here.
            list.addObject().put("id", p.id()).put("arm_freq", p.armFreqMhz() == 0 ? null : p.armFreqMhz())
                    .put("over_voltage", p.overVoltage())
                    .put("over_voltage_delta", p.overVoltageDeltaUv()).put("description", p.description());
        }
        return node;
    }

    private static ObjectNode guard(GuardState g) {
        return Json.object().put("enabled", g.enabled()).put("active", g.active())
                .put("since_at", g.sinceMs() == 0 ? null : Instant.ofEpochMilli(g.sinceMs()).toString())
                .put("reason", g.reason()).put("action", g.action()).put("threshold_c", g.thresholdC())
                .put("release_c", g.releaseC()).put("detection_rate_factor", g.detectionRateFactor());
    }

    /**
     * @param samples the history, oldest first
     * @return {@code GET /api/v1/cpu/history}: {@code {samples: [{time_ms, temperature_c, cur_mhz, throttled_raw}]}}
     */
    static ObjectNode history(List<CpuSample> samples) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("samples");
        for (CpuSample s : samples) {
            list.addObject().put("time_ms", s.timeMs())
                    .put("temperature_c", s.temperatureC() == null ? null : Math.round(s.temperatureC() * 10) / 10.0)
                    .put("cur_mhz", s.curMhz()).put("throttled_raw", s.throttledRaw());
        }
        return root;
    }
}
