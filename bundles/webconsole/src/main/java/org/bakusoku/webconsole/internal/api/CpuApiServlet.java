package org.bakusoku.webconsole.internal.api;

import java.io.IOException;
import java.util.function.Supplier;

import org.bakusoku.cpu.CpuException;
import org.bakusoku.cpu.CpuGovernor;
import org.bakusoku.cpu.Overclock;
import org.bakusoku.cpu.ThermalStatus;
import org.bakusoku.webconsole.internal.auth.AuthPreprocessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CPU API under {@code /api/v1/cpu} (its own whiteboard servlet: the longer pattern wins over
 * {@code /api/v1/*}, so the shared router stays untouched):
 * <ul>
 * <li>{@code GET /cpu}: board, governor, governors, policies (MHz), temperature (°C), throttling flags,
 * overclock with the tryboot state and this board's profiles, thermal guard; off-Pi
 * {@code cpufreq_available: false} and a plain {@code message};</li>
 * <li>{@code PUT /cpu/governor} {@code {"governor": "performance"}}: 200 {@code {governor, governors_available}};
 * 400 {@code unknown_governor} with {@code governors_available}; 409 {@code unavailable} without cpufreq;</li>
 * <li>{@code POST /cpu/overclock} {@code {"profile": "pi4-1750"}}: 202 with the overclock object (the Pi
 * reboots a few seconds later); 400 {@code unknown_profile} with {@code profiles}; 409 {@code refused}
 * (another board's profile, no tryboot, a trial pending);</li>
 * <li>{@code GET /cpu/history}: {@code {samples: [{time_ms, temperature_c, cur_mhz, throttled_raw}]}}.</li>
 * </ul>
 * A read-only sysfs or boot partition is the appliance's problem, not the caller's: 500
 * {@code permission_denied} with what to fix. Without the CPU bundle every route answers 503
 * {@code cpu_unavailable}. Bodies are {@code application/json}, at most {@value #MAX_BODY_BYTES} bytes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(CpuApiServlet.PREFIX + "/*")
@HttpWhiteboardServletName("bakusoku-api-cpu")
public final class CpuApiServlet extends HttpServlet {

    static final String PREFIX = ApiRouter.PREFIX + "/cpu";
    static final int MAX_BODY_BYTES = 1024;

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ThermalStatus thermal;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile CpuGovernor governor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Overclock overclock;

    private final transient ApiRouter router;

    /**
     * @param auth not called here: referenced so that the API is registered only while the login
     *             preprocessor is, and is never served without authentication
     */
    @Activate
    public CpuApiServlet(@Reference AuthPreprocessor auth) {
        router = routes(() -> thermal, () -> governor, () -> overclock);
    }

    /**
     * The route table, apart from OSGi so that tests can dispatch through it (paths below {@code /api/v1}).
     *
     * @param thermal   the current thermal status service, or null
     * @param governor  the current governor service, or null
     * @param overclock the current overclock service, or null
     * @return the router
     */
    static ApiRouter routes(Supplier<ThermalStatus> thermal, Supplier<CpuGovernor> governor, Supplier<Overclock> overclock) {
        return new ApiRouter()
                .add("GET", "/cpu", (request, response) -> {
                    if (available(response, thermal.get(), overclock.get())) {
                        Json.send(response, 200, CpuJson.snapshot(thermal.get().snapshot(), overclock.get().profiles()));
                    }
                })
                .add("GET", "/cpu/history", (request, response) -> {
                    if (available(response, thermal.get())) {
                        Json.send(response, 200, CpuJson.history(thermal.get().history()));
                    }
                })
                .add("PUT", "/cpu/governor", (request, response) -> {
                    CpuGovernor g = governor.get();
                    if (available(response, g)) {
                        String name = field(request, response, "governor");
                        if (name != null && call(response, "unknown_governor", "governors_available", () -> g.set(name))) {
                            Json.send(response, 200, Json.object().put("governor", g.current())
                                    .set("governors_available", list(g.available())));
                        }
                    }
                })
                .add("POST", "/cpu/overclock", (request, response) -> {
                    Overclock o = overclock.get();
                    if (available(response, o)) {
                        String profile = field(request, response, "profile");
                        if (profile != null && call(response, "unknown_profile", "profiles", () -> o.apply(profile))) {
                            Json.send(response, HttpServletResponse.SC_ACCEPTED, CpuJson.overclock(o.status(), o.profiles()));
                        }
                    }
                });
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        router.dispatchByUri(request, response);
    }

    private static boolean available(HttpServletResponse response, Object... services) throws IOException {
        for (Object service : services) {
            if (service == null) {
                Json.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "cpu_unavailable",
                        "The CPU bundle (org.bakusoku.cpu) is not running; see the appliance log.");
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface CpuCall {
        void run() throws CpuException;
    }

    /**
     * Runs a call and answers its refusal: INVALID 400 (with the valid choices), REFUSED / UNAVAILABLE 409,
     * PERMISSION / FAILED 500.
     */
    private static boolean call(HttpServletResponse response, String invalidCode, String choicesField, CpuCall call)
            throws IOException {
        try {
            call.run();
            return true;
        } catch (CpuException e) {
            switch (e.kind()) {
                case INVALID -> Json.send(response, 400, Json.object().put("error", invalidCode)
                        .put("message", e.getMessage()).set(choicesField, list(e.choices())));
                case REFUSED -> Json.error(response, 409, "refused", e.getMessage());
                case UNAVAILABLE -> Json.error(response, 409, "unavailable", e.getMessage());
                case PERMISSION -> Json.error(response, 500, "permission_denied", e.getMessage());
                case FAILED -> Json.error(response, 500, "cpu_failed", e.getMessage());
            }
            return false;
        }
    }

    private static ArrayNode list(java.util.List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    /** @return the named string field of a JSON object body, or null after answering 4xx */
    private static String field(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        String example = "Send {\"" + name + "\": \"...\"} as JSON.";
        JsonNode body = Json.readObject(request, response, MAX_BODY_BYTES, example);
        if (body == null) {
            return null;
        }
        if (!body.path(name).isTextual()) {
            Json.error(response, 400, "bad_request", example);
            return null;
        }
        return body.path(name).asText();
    }
}
