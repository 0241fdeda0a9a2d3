package org.bakusoku.webconsole.internal.page;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;

/**
 * The console page "Bakusoku / Models" at {@code /system/console/models}: the installed models with the active
 * one marked (sha256 prefix, input size, classes, measured invoke ms, validation), an upload form (model, optional
 * label file, name), validate / activate / roll back / delete buttons, the progress of running operations and the
 * last problem in plain words. {@code web/models/models.js} fills it from {@code /api/v1/models} every second.
 *
 * <p>Like the other pages this servlet only writes the static skeleton; the script writes API values as text
 * nodes, never as HTML (model names and label files are user input), and the skeleton holds no dollar-brace
 * sequence (the console treats those as template variables).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + ModelsPage.LABEL,
        "felix.webconsole.title=Models",
        "felix.webconsole.category=Bakusoku",
        "felix.webconsole.css=/" + ModelsPage.LABEL + "/res/models/models.css" })
public final class ModelsPage extends BakusokuPage {

    /** URL segment below {@code /system/console}. */
    static final String LABEL = "models";

    private static final long serialVersionUID = 1L;

    /** Creates the page; Declarative Services registers it with the console. */
    public ModelsPage() {
        super(LABEL, (pluginRoot, appRoot) -> skeleton(pluginRoot));
    }

    /**
     * @param pluginRoot the page's URL path, inserted escaped
     * @return the page's HTML fragment (the console adds head, navigation and footer)
     */
    static String skeleton(String pluginRoot) {
        String script = script(pluginRoot, LABEL);
        return """
                <div id="bks-models" class="bks" data-api="/api/v1/models">
                  <p id="bks-models-status" class="bks-status">Reading the models&hellip;</p>
                  <p id="bks-models-problem" class="bks-problem" hidden></p>
                  <div id="bks-models-tasks" class="bks-tasks"></div>
                  <table class="nicetable bks-list">
                    <thead><tr><th>Active</th><th>Name</th><th>Id (sha256)</th><th>Input</th><th>Classes</th>
                      <th>Invoke</th><th>Validation</th><th>Installed</th><th>Actions</th></tr></thead>
                    <tbody id="bks-models-list"></tbody>
                  </table>
                  <p><button type="button" id="bks-models-rollback" class="ui-button" disabled>Roll back
                    </button></p>
                  <h3>Upload a model</h3>
                  <form id="bks-models-upload" class="bks-upload">
                    <label>Model (.tflite) <input type="file" name="model" accept=".tflite" required></label>
                    <label>Labels (optional, one per line) <input type="file" name="labels" accept=".txt,text/plain">
                    </label>
                    <label>Name <input type="text" name="name" maxlength="64"
                      placeholder="letters, digits, space . _ -"></label>
                    <button type="submit" class="ui-button">Upload and validate</button>
                    <span id="bks-models-limit" class="bks-hint"></span>
                  </form>
                </div>
                <script src="%s"></script>
                """.formatted(script);
    }
}
