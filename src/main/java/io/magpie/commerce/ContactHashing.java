package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Turns a phone number or e-mail address into what Magpie stores: HMAC-SHA256 with the tenant's
 * secret salt over the normalized value, plus a masked display form. The same phone gives the same
 * hash within a tenant and unrelated hashes across tenants.
 */
@Service
public class ContactHashing {

    private final TenantSalts salts;

    ContactHashing(TenantSalts salts) {
        this.salts = salts;
    }

    /**
     * @throws ProblemException 400 {@code validation_failed} on field {@code phone} when the text is not a phone number
     */
    public HashedContact phone(long tenantId, String raw) {
        String digits = ContactFormats.normalizePhone(raw);
        if (digits == null) {
            throw ProblemException.invalidField("phone", "invalid_value", "phone " + ContactFormats.PHONE_RULE);
        }
        return new HashedContact(hasher(tenantId).hash(digits), ContactFormats.maskPhone(digits));
    }

    /**
     * @throws ProblemException 400 {@code validation_failed} on field {@code email} when the text is not an e-mail address
     */
    public HashedContact email(long tenantId, String raw) {
        String email = ContactFormats.normalizeEmail(raw);
        if (email == null) {
            throw ProblemException.invalidField("email", "invalid_value", "email " + ContactFormats.EMAIL_RULE);
        }
        return new HashedContact(hasher(tenantId).hash(email), ContactFormats.maskEmail(email));
    }

    /** A hasher for many values of one tenant (not thread-safe). */
    Hasher hasher(long tenantId) {
        return new Hasher(salts.salt(tenantId));
    }

    /** Hashes normalized values with one tenant's salt. */
    static final class Hasher {
        private final Mac mac;

        Hasher(byte[] salt) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }

        String hash(String normalized) {
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        }

        HashedContact phone(String digits) {
            return new HashedContact(hash(digits), ContactFormats.maskPhone(digits));
        }

        HashedContact email(String email) {
            return new HashedContact(hash(email), ContactFormats.maskEmail(email));
        }
    }
}
