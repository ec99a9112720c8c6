package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactFormatsTests {

    @Test
    void phonesKeepDigitsOnly() {
        assertThat(ContactFormats.normalizePhone("138-0000-5678")).isEqualTo("13800005678");
        assertThat(ContactFormats.normalizePhone(" (138) 0000.5678 ")).isEqualTo("13800005678");
        // a mainland mobile with its country code is the same number as without it
        assertThat(ContactFormats.normalizePhone("+86 138 0000 5678")).isEqualTo("13800005678");
        assertThat(ContactFormats.normalizePhone("0086 13800005678")).isEqualTo("13800005678");
        assertThat(ContactFormats.normalizePhone("+86 10 6552 9988")).isEqualTo("861065529988");
        assertThat(ContactFormats.normalizePhone("+852 9123 4567")).isEqualTo("85291234567");
        assertThat(ContactFormats.normalizePhone("12345")).isNull();
        assertThat(ContactFormats.normalizePhone("1234567890123456")).isNull();
        assertThat(ContactFormats.normalizePhone("138x00005678")).isNull();
        assertThat(ContactFormats.normalizePhone("１３８００００５６７８")).isNull();
        assertThat(ContactFormats.normalizePhone("138+00005678")).isNull();
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertThat(ContactFormats.normalizeEmail("  Alice@Example.COM ")).isEqualTo("alice@example.com");
        assertThat(ContactFormats.normalizeEmail("a@b")).isNull();
        assertThat(ContactFormats.normalizeEmail("a b@example.com")).isNull();
        assertThat(ContactFormats.normalizeEmail("a@@example.com")).isNull();
        assertThat(ContactFormats.normalizeEmail("x".repeat(250) + "@example.com"))
                .isNull();
    }

    @Test
    void masksShowLittle() {
        assertThat(ContactFormats.maskPhone("13800005678")).isEqualTo("138****5678");
        assertThat(ContactFormats.maskPhone("8613800005678")).isEqualTo("861****5678");
        assertThat(ContactFormats.maskPhone("87654321")).isEqualTo("****4321");
        assertThat(ContactFormats.maskPhone("654321")).isEqualTo("****21");
        assertThat(ContactFormats.maskEmail("alice@example.com")).isEqualTo("a***@example.com");
    }
}
