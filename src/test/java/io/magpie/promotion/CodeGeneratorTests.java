package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodeGeneratorTests {

    static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(CodeCheck.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void codesFollowThePatternAndEndWithAValidCheckCharacter() {
        CodeGenerator generator = new CodeGenerator(new Random(1));
        CodePattern pattern = CodePattern.parse("sale-####-????");
        for (int i = 0; i < 10_000; i++) {
            String code = generator.next(pattern);
            assertThat(code).matches("SALE-[2-9]{4}-[A-HJKMNP-Z]{4}[2-9A-HJKMNP-Z]");
            assertThat(CodeCheck.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void everySingleWrongCharacterIsRejected() {
        CodeGenerator generator = new CodeGenerator(new Random(2));
        CodePattern pattern = CodePattern.parse("VIP-********");
        for (int n = 0; n < 500; n++) {
            String code = generator.next(pattern);
            for (int i = 0; i < code.length(); i++) {
                if (code.charAt(i) == '-') {
                    continue;
                }
                for (char c : ALNUM.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(CodeCheck.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfAdjacentCharactersIsRejected() {
        CodeGenerator generator = new CodeGenerator(new Random(3));
        CodePattern pattern = CodePattern.parse("****************");
        int swaps = 0;
        for (int n = 0; n < 2000; n++) {
            String code = generator.next(pattern);
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) != code.charAt(i + 1)) {
                    char[] c = code.toCharArray();
                    c[i] = code.charAt(i + 1);
                    c[i + 1] = code.charAt(i);
                    assertThat(CodeCheck.isValid(new String(c)))
                            .as(new String(c))
                            .isFalse();
                    swaps++;
                }
            }
        }
        assertThat(swaps).isGreaterThan(20_000);
    }

    @Test
    void symbolsAreDrawnEvenly() {
        // a payload whose check value would be ambiguous is redrawn as a whole, so look at one
        // position of a longer code: its symbols stay (almost exactly) uniform
        CodeGenerator generator = new CodeGenerator(new Random(4));
        CodePattern pattern = CodePattern.parse("*****");
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 31_000; i++) {
            counts.merge(generator.next(pattern).charAt(0), 1, Integer::sum);
        }
        assertThat(counts).hasSize(31);
        assertThat(counts.values()).allSatisfy(v -> assertThat(v).isBetween(800, 1200));
    }

    @Test
    void aSeededGeneratorRepeatsItself() {
        CodePattern pattern = CodePattern.parse("######");
        CodeGenerator a = new CodeGenerator(new Random(9));
        CodeGenerator b = new CodeGenerator(new Random(9));
        for (int i = 0; i < 100; i++) {
            assertThat(a.next(pattern)).isEqualTo(b.next(pattern));
        }
    }

    @Test
    void aPatternTooSmallForTheCountIsRefused() {
        CodePattern pattern = CodePattern.parse("A-####"); // 8^4 = 4096 codes
        pattern.requireRoomFor(40);

        assertThatThrownBy(() -> pattern.requireRoomFor(41)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo("pattern_space_too_small");
            assertThat(e.status().value()).isEqualTo(422);
        });
    }

    @Test
    void patternsWithOtherCharactersAreRefused() {
        assertThatThrownBy(() -> CodePattern.parse("SALE ####"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> CodePattern.parse(" "))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
    }
}
