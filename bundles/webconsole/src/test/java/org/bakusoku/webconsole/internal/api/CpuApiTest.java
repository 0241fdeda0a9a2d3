package org.bakusoku.webconsole.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bakusoku.cpu.Board;
import org.bakusoku.cpu.BoardInfo;
import org.bakusoku.cpu.BootSetting;
import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuGovernor;
import org.bakusoku.cpu.CpuPolicy;
import org.bakusoku.cpu.CpuSample;
import org.bakusoku.cpu.CpuSnapshot;
import org.bakusoku.cpu.GuardState;
import org.bakusoku.cpu.Overclock;
import org.bakusoku.cpu.OverclockProfile;
import org.bakusoku.cpu.OverclockStatus;
import org.bakusoku.cpu.ThermalStatus;
import org.bakusoku.cpu.ThrottleState;
import org.bakusoku.cpu.TrybootPhase;
import org.bakusoku.webconsole.internal.FakeHttp;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class CpuApiTest {

    /** 2026-01-01T00:00:00Z */
    private static final long T0 = 1_767_225_600_000L;
    private static final List<String> GOVERNORS = List.of("conservative", "ondemand", "userspace", "powersave",
            "performance", "schedutil");
    private static final List<OverclockProfile> PI4 = List.of(
            new OverclockProfile("stock", Board.PI4, 1500, null, null, "Firmware defaults."),
            new OverclockProfile("pi4-1750", Board.PI4, 1750, 2, null, "1750 MHz with over_voltage=2."));

    private final FakeCpu cpu = new FakeCpu();
    private final AtomicReference<FakeCpu> service = new AtomicReference<>(cpu);
    private final ApiRouter router = CpuApiServlet.routes(service::get, service::get, service::get);

    private FakeHttp.Response call(HttpServletRequest request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        router.dispatch(request, response.mock);
        return response;
    }

    private FakeHttp.Response send(String method, String target, String contentType, String body) throws Exception {
        return call(FakeHttp.withBody(FakeHttp.request(method, target, Map.of()), contentType, body));
    }

    @Test
    void describesThePi() throws Exception {
        FakeHttp.Response response = call(FakeHttp.get("/api/v1/cpu"));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                {"time_at": "2026-01-01T00:00:00Z", "cpufreq_available": true, "message": null,
                 "board": "Raspberry Pi 4 Model B Rev 1.4", "board_revision": "c03114", "board_family": "PI4",
                 "governor": "performance",
                 "governors_available": ["conservative", "ondemand", "userspace", "powersave", "performance", "schedutil"],
                 "policies": [{"name": "policy0", "cpus": [0, 1, 2, 3], "governor": "performance", "cur_mhz": 1500,
                               "min_mhz": 600, "max_mhz": 1500, "hw_min_mhz": 600, "hw_max_mhz": 1500}],
                 "temperature_c": 52.6,
                 "throttled": {"raw": 327685, "raw_hex": "0x50005", "now": ["under-voltage", "throttled"],
                               "since_boot": ["under-voltage", "throttled"],
                               "source": "/sys/devices/platform/soc/soc:firmware/get_throttled"},
                 "overclock": {"profile": "pi4-1750", "arm_freq": 1750, "over_voltage": 2, "over_voltage_delta": null,
                   "pending_tryboot": false,
                   "tryboot": {"phase": "COMMITTED", "profile": "pi4-1750", "since_at": "2026-01-01T00:00:00Z",
                               "trial_ends_at": null, "message": "Overclock pi4-1750 passed the health period.",
                               "supported": true, "refusal": null},
                   "boot_config": "/boot/firmware/config.txt",
                   "boot_settings": [{"key": "arm_freq", "value": "1750", "section": "[pi4]", "file": "config.txt",
                                      "line": 56, "managed": true}],
                   "profiles": [{"id": "stock", "arm_freq": 1500, "over_voltage": null, "over_voltage_delta": null,
                                 "description": "Firmware defaults."},
                                {"id": "pi4-1750", "arm_freq": 1750, "over_voltage": 2, "over_voltage_delta": null,
                                 "description": "1750 MHz with over_voltage=2."}]},
                 "guard": {"enabled": true, "active": false, "since_at": null, "reason": "", "action": "rate",
                           "threshold_c": 80.0, "release_c": 75.0, "detection_rate_factor": 1.0}}
                """));
    }

    @Test
    void givesTheHistoryOldestFirst() throws Exception {
        FakeHttp.Response response = call(FakeHttp.get("/api/v1/cpu/history"));

        assertThat(response.json()).isEqualTo(FakeHttp.json("""
                {"samples": [{"time_ms": 1767225598000, "temperature_c": 51.9, "cur_mhz": 600, "throttled_raw": 0},
                             {"time_ms": 1767225600000, "temperature_c": null, "cur_mhz": null, "throttled_raw": null}]}
                """));
    }

    @Test
    void setsTheGovernor() throws Exception {
        FakeHttp.Response response = send("PUT", "/api/v1/cpu/governor", "application/json", "{\"governor\": \"schedutil\"}");

        assertThat(response.status).isEqualTo(200);
        assertThat(response.json().get("governor").asText()).isEqualTo("schedutil");
        assertThat(cpu.governor).isEqualTo("schedutil");
    }

    @Test
    void refusesAnUnknownGovernorWithTheAvailableOnes() throws Exception {
        FakeHttp.Response response = send("PUT", "/api/v1/cpu/governor", "application/json", "{\"governor\": \"turbo\"}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("unknown_governor");
        assertThat(response.json().get("governors_available")).hasSize(6);
        assertThat(cpu.governor).isEqualTo("performance");
    }

    @Test
    void explainsAReadOnlySysfs() throws Exception {
        cpu.denyWrites = true;

        FakeHttp.Response response = send("PUT", "/api/v1/cpu/governor", "application/json", "{\"governor\": \"ondemand\"}");

        assertThat(response.status).isEqualTo(500);
        assertThat(response.json().get("error").asText()).isEqualTo("permission_denied");
        assertThat(response.json().get("message").asText()).contains("permission denied");
    }

    @Test
    void rejectsBodiesThatAreNotJsonObjectsWithTheField() throws Exception {
        assertThat(send("PUT", "/api/v1/cpu/governor", "application/x-www-form-urlencoded", "governor=ondemand").status)
                .isEqualTo(415);
        assertThat(send("PUT", "/api/v1/cpu/governor", "application/json", "{\"gov\": 1}").status).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/cpu/governor", "application/json", "not json").status).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/cpu/governor", "application/json", "[\"governor\"]").json().get("message")
                .asText()).isEqualTo("Send {\"governor\": \"...\"} as JSON.");
        assertThat(send("PUT", "/api/v1/cpu/governor", "application/json", " ".repeat(CpuApiServlet.MAX_BODY_BYTES + 1))
                .status).isEqualTo(413);
    }

    @Test
    void acceptsAProfileForTryboot() throws Exception {
        FakeHttp.Response response = send("POST", "/api/v1/cpu/overclock", "application/json", "{\"profile\": \"pi4-1750\"}");

        assertThat(response.status).isEqualTo(202);
        assertThat(response.json().get("pending_tryboot").asBoolean()).isTrue();
        assertThat(response.json().get("tryboot").get("phase").asText()).isEqualTo("STAGED");
    }

    @Test
    void mapsRefusalsAndUnknownProfiles() throws Exception {
        FakeHttp.Response refused = send("POST", "/api/v1/cpu/overclock", "application/json", "{\"profile\": \"pi5-2800\"}");
        FakeHttp.Response unknown = send("POST", "/api/v1/cpu/overclock", "application/json", "{\"profile\": \"x\"}");

        assertThat(refused.status).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("refused");
        assertThat(refused.json().get("message").asText()).contains("is for a Raspberry Pi 5");
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.json().get("profiles").toString()).isEqualTo("[\"stock\",\"pi4-1750\"]");
    }

    @Test
    void answersPlainlyWithoutTheCpuBundle() throws Exception {
        service.set(null);

        FakeHttp.Response response = call(FakeHttp.get("/api/v1/cpu"));

        assertThat(response.status).isEqualTo(503);
        assertThat(response.json().get("error").asText()).isEqualTo("cpu_unavailable");
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        FakeHttp.Response response = call(FakeHttp.request("DELETE", "/api/v1/cpu/governor", Map.of()));

        assertThat(response.status).isEqualTo(405);
        assertThat(response.headers).containsEntry("Allow", "PUT");
    }

    /** The three CPU services over canned Pi 4 readings. */
    private static final class FakeCpu implements ThermalStatus, CpuGovernor, Overclock {
        String governor = "performance";
        boolean denyWrites;
        TrybootPhase phase = TrybootPhase.COMMITTED;

        @Override
        public CpuSnapshot snapshot() {
            return new CpuSnapshot(T0, true, null, new BoardInfo("Raspberry Pi 4 Model B Rev 1.4", "c03114", Board.PI4),
                    governor, GOVERNORS, List.of(new CpuPolicy("policy0", List.of(0, 1, 2, 3), governor, 1500, 600, 1500, 600, 1500)),
                    52.582, ThrottleState.decode(0x50005, "/sys/devices/platform/soc/soc:firmware/get_throttled"),
                    status(), new GuardState(true, false, 0, "", "rate", 80.0, 75.0, 1.0));
        }

        @Override
        public List<CpuSample> history() {
            return List.of(new CpuSample(T0 - 2000, 51.93, 600, 0), new CpuSample(T0, null, null, null));
        }

        @Override
        public GuardState guard() {
            return snapshot().guard();
        }

        @Override
        public List<String> available() {
            return GOVERNORS;
        }

        @Override
        public String current() {
            return governor;
        }

        @Override
        public void set(String name) throws CpuException {
            if (!GOVERNORS.contains(name)) {
                throw new CpuException(CpuException.Kind.INVALID, "Unknown governor '" + name + "'.", GOVERNORS);
            }
            if (denyWrites) {
                throw new CpuException(CpuException.Kind.PERMISSION, "Cannot write scaling_governor: permission denied.");
            }
            governor = name;
        }

        @Override
        public List<OverclockProfile> profiles() {
            return PI4;
        }

        @Override
        public OverclockStatus status() {
            return new OverclockStatus("pi4-1750", 1750, 2, null, phase, "pi4-1750", T0, null,
                    phase == TrybootPhase.STAGED ? "Candidate pi4-1750 written; rebooting into it once."
                            : "Overclock pi4-1750 passed the health period.",
                    true, null, "/boot/firmware/config.txt",
                    new ArrayList<>(List.of(new BootSetting("arm_freq", "1750", "[pi4]", "config.txt", 56, true))));
        }

        @Override
        public OverclockStatus apply(String profileId) throws CpuException {
            if (profileId.equals("pi5-2800")) {
                throw new CpuException(CpuException.Kind.REFUSED, "Profile pi5-2800 is for a Raspberry Pi 5.",
                        List.of("stock", "pi4-1750"));
            }
            if (!profileId.equals("pi4-1750")) {
                throw new CpuException(CpuException.Kind.INVALID, "Unknown profile.", List.of("stock", "pi4-1750"));
            }
            phase = TrybootPhase.STAGED;
            return status();
        }
    }
}
