package org.bakusoku.webconsole.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongPassphrasesAndRefusesWeakOnesWithAReason() {
        assertThat(PasswordPolicy.problem("correct horse battery", null)).isNull();
        assertThat(PasswordPolicy.problem("ÄÖÜäöüßéèà", null)).as("10 characters, not bytes").isNull();
        assertThat(PasswordPolicy.problem("123456789", null)).contains("9 characters").contains("at least 10");
        assertThat(PasswordPolicy.problem("", null)).isEqualTo("the password is empty");
        assertThat(PasswordPolicy.problem(null, null)).isEqualTo("the password is empty");
        assertThat(PasswordPolicy.problem("            ", null)).contains("white space");
        assertThat(PasswordPolicy.problem("my-bakusoku-box", null)).contains("product name");
        assertThat(PasswordPolicy.problem("x".repeat(257), null)).contains("longer than 256");
        assertThat(PasswordPolicy.problem("the same old one", "the same old one")).contains("current one");
    }
}
