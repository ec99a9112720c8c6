package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRulesTests {

    @Test
    void usernames() {
        assertThat(UserRules.username("ana.li_2-x")).isEqualTo("ana.li_2-x");
        assertThat(UserRules.username("abc")).isEqualTo("abc");
        assertThat(UserRules.username("a".repeat(64))).hasSize(64);
        for (String bad : new String[] {null, "", "ab", "a".repeat(65), "ana li", "ana@shop", "李娜abc"}) {
            assertThatThrownBy(() -> UserRules.username(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            p -> assertThat(p.fieldProblems().get(0).field()).isEqualTo("username"));
        }
    }

    @Test
    void passwordsAreTenCharactersToSeventyTwoBytes() {
        UserRules.password("0123456789");
        UserRules.password("a".repeat(72));
        UserRules.password("密码密码密码密码密码");
        for (String bad : new String[] {null, "123456789", "a".repeat(73), "密".repeat(25)}) {
            assertThatThrownBy(() -> UserRules.password(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("password");
        }
    }

    @Test
    void displayNamesAreTrimmedAndBounded() {
        assertThat(UserRules.displayName("  Ana  ")).isEqualTo("Ana");
        assertThat(UserRules.displayName("x".repeat(100))).hasSize(100);
        for (String bad : new String[] {null, " ", "x".repeat(101)}) {
            assertThatThrownBy(() -> UserRules.displayName(bad)).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void scopesAreCheckedAndOrdered() {
        assertThat(ApiKeyAdministration.checkScopes(List.of("read", "orders", "read")))
                .containsExactly("orders", "read");
        assertThatThrownBy(() -> ApiKeyAdministration.checkScopes(List.of()))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> ApiKeyAdministration.checkScopes(List.of("read", "root")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("unknown_scope");
                    assertThat(p.fieldProblems().get(0).field()).isEqualTo("scopes[1]");
                });
    }
}
