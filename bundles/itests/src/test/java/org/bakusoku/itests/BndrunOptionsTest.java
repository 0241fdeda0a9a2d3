package org.bakusoku.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BndrunOptionsTest {

    @Test
    void splitsRunbundleAttributesOnCommasOutsideQuotes() {
        assertThat(BndrunOptions.splitAttrs(
                "a.b;version=\"[1.0,2.0)\";startlevel=1,org.apache.felix.configurator;version=\"1.0.18\";startlevel=2"))
                .containsExactly("a.b;version=\"[1.0,2.0)\";startlevel=1",
                        "org.apache.felix.configurator;version=\"1.0.18\";startlevel=2");
        assertThat(BndrunOptions.splitAttrs("")).isEmpty();
    }
}
