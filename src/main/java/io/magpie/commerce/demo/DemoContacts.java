package io.magpie.commerce.demo;

import io.magpie.commerce.ContactHashing;
import io.magpie.commerce.HashedContact;
import org.springframework.stereotype.Component;

/** The demo's contacts go through the same hashing and masking as every customer write. */
@Component
class DemoContacts {

    private final ContactHashing hashing;

    DemoContacts(ContactHashing hashing) {
        this.hashing = hashing;
    }

    HashedContact phone(long tenantId, String phone) {
        return hashing.phone(tenantId, phone);
    }

    HashedContact email(long tenantId, String email) {
        return hashing.email(tenantId, email);
    }
}
