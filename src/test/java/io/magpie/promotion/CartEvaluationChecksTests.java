package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written line id check accepts exactly what the documented pattern accepts. */
class CartEvaluationChecksTests {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Property(tries = 2000)
    void lineIdsAreCheckedAsThePatternSays(@ForAll("ids") String id) {
        assertThat(CartEvaluationChecks.isId(id))
                .as(id)
                .isEqualTo(ID.matcher(id).matches());
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings()
                .withChars("aZ09._:-/ +é\u00a0{")
                .withCharRange('!', '~')
                .ofMinLength(0)
                .ofMaxLength(70);
    }
}
