package org.bakusoku.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * Failed logins from one address are throttled with the default settings (5 free failures, then 1 s, 2 s, ...):
 * after 6 wrong passwords the next attempt is answered 429 with {@code Retry-After}, even with the right
 * password; once the delay has passed the right password works and resets the count.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LoginThrottleIT extends ApplianceTestSupport {

    @Inject
    private BundleContext context;

    @Test
    public void wrongPasswordsMakeTheNextAttemptWaitAndTheRightOneWorksAfterwards() throws Exception {
        WebClient web = new WebClient(baseUrl(context), null);
        Map<String, String> right = WebClient.basic(adminPassword());
        long deadline = System.currentTimeMillis() + 30_000;
        while (status(web, right) != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // also resets the address's count of failures
        }
        assertEquals(200, status(web, right));

        for (int i = 1; i <= 6; i++) {
            assertEquals("wrong password " + i, 401, status(web, WebClient.basic("wrong-" + i)));
        }
        WebClient.Answer blocked = web.get("/api/v1/auth/me", right);
        assertEquals(blocked.body(), 429, blocked.status());
        assertTrue("Retry-After: " + blocked.header("Retry-After"), Integer.parseInt(blocked.header("Retry-After")) >= 1);

        int answer = 429;
        deadline = System.currentTimeMillis() + 15_000;
        while (answer == 429 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            answer = status(web, right);
        }
        assertEquals("the right password works once the delay has passed", 200, answer);
        assertEquals("the success reset the count: a wrong password is checked again", 401,
                status(web, WebClient.basic("wrong-again")));
        assertEquals(200, status(web, right));
        String audit = Files.readString(DATA.resolve("audit.log"), StandardCharsets.UTF_8);
        assertTrue(audit, audit.contains("via=basic from=127.0.0.1 what=\"login\" result=throttled"));
    }

    private static int status(WebClient web, Map<String, String> credentials) throws Exception {
        try {
            return web.get("/api/v1/auth/me", credentials).status();
        } catch (java.io.IOException e) {
            return -1; // the HTTP runtime restarts once when the network settings are first applied
        }
    }
}
