package org.bakusoku.webconsole.internal.page;

import java.io.IOException;

import org.owasp.encoder.Encode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every Bakusoku console page shares: the console hands it a GET, the page writes its static HTML skeleton
 * (the console adds head, navigation and footer), and a script from the page's resource folder fills it from the
 * JSON API. The skeletons hold no dollar-brace sequence: the console treats those as template variables.
 */
abstract class BakusokuPage extends HttpServlet {

    /** Writes a page's HTML fragment. */
    @FunctionalInterface
    interface Skeleton {
        /**
         * @param pluginRoot the page's URL path, e.g. {@code /system/console/relays}
         * @param appRoot    the console's URL path, e.g. {@code /system/console}
         * @return the page's HTML fragment
         */
        String html(String pluginRoot, String appRoot);
    }

    /** Where the console lives when the request does not say (outside the console). */
    private static final String CONSOLE = "/system/console";
    /** Request attribute the console sets to {@code <context path>/system/console/<label>}. */
    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";
    /** Request attribute the console sets to {@code <context path>/system/console}. */
    private static final String APP_ROOT = "felix.webconsole.appRoot";
    private static final long serialVersionUID = 1L;

    private final String label;
    private final transient Skeleton skeleton;

    /**
     * @param label    the page's URL segment below {@code /system/console}
     * @param skeleton writes the page's HTML
     */
    BakusokuPage(String label, Skeleton skeleton) {
        this.label = label;
        this.skeleton = skeleton;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pluginRoot = attribute(request, PLUGIN_ROOT, CONSOLE + "/" + label);
        String appRoot = attribute(request, APP_ROOT, CONSOLE);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().println(skeleton.html(pluginRoot, appRoot));
    }

    /**
     * @param pluginRoot the page's URL path
     * @param label      the page's label, whose resource folder holds {@code <label>.js}
     * @return the URL of the page's script, escaped for an HTML attribute (the plugin root comes from the request)
     */
    static String script(String pluginRoot, String label) {
        return Encode.forHtmlAttribute(pluginRoot + "/res/" + label + "/" + label + ".js");
    }

    private static String attribute(HttpServletRequest request, String name, String fallback) {
        return request.getAttribute(name) instanceof String value ? value : fallback;
    }
}
