package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.pricing.Nudge;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every reason has a message in English and Chinese; nudges carry amounts in the tenant's currency. */
class ReasonMessagesTests {

    private final ReasonMessages messages = new ReasonMessages(source());

    private static ResourceBundleMessageSource source() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/pricing");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyReasonCodeHasAMessageInBothLanguages() {
        List<String> codes = new ArrayList<>(ReasonMessages.COUPON_CODES);
        for (ReasonCode code : ReasonCode.values()) {
            codes.add(ReasonMessages.code(code));
        }
        for (String code : codes) {
            String en = messages.reason(code, Locale.ENGLISH);
            String zh = messages.reason(code, Locale.SIMPLIFIED_CHINESE);
            assertThat(en).as(code).isNotBlank().isNotEqualTo(zh);
            assertThat(zh).as(code).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void nudgesSayHowMuchMoreAndWhatItSaves() {
        var amount = new Nudge(Basis.AMOUNT, 1200, 2000);
        assertThat(messages.nudge(amount, "CNY", Locale.ENGLISH)).isEqualTo("Spend ¥12.00 more to save ¥20.00");
        assertThat(messages.nudge(amount, "CNY", Locale.SIMPLIFIED_CHINESE)).isEqualTo("再买12.00元可减20.00元");
        assertThat(messages.nudge(new Nudge(Basis.ITEMS, 2, 1500), "CNY", Locale.ENGLISH))
                .isEqualTo("Add 2 more item(s) to save ¥15.00");
        assertThat(messages.nudge(new Nudge(Basis.AMOUNT, 123456, 0), "USD", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("再买$1234.56即可参加");
        assertThat(messages.applied(0, 1000, false, "CNY", Locale.ENGLISH)).isEqualTo("Saves ¥10.00 on shipping");
        assertThat(messages.applied(0, 0, true, "CNY", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("已加赠品");
    }

    @Test
    void badgePercentsReadAsChineseDiscounts() {
        assertThat(PromotionBadges.percent(2000, Locale.SIMPLIFIED_CHINESE)).isEqualTo("8折");
        assertThat(PromotionBadges.percent(1500, Locale.SIMPLIFIED_CHINESE)).isEqualTo("8.5折");
        assertThat(PromotionBadges.percent(1250, Locale.ENGLISH)).isEqualTo("12.5%");
    }
}
