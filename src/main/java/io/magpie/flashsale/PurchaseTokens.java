package io.magpie.flashsale;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Purchase tokens: {@code v1.<expiry epoch second>.<HMAC-SHA256 of tenant, session, customer and
 * expiry with the session's secret>}, base64url. Issued only once the session has started, so a
 * script cannot hold a stock of them before the start; checked by any node (the secret is in the
 * session row), without a database read. Valid for {@code magpie.flashsale.purchase-token-ttl}
 * (default 10 minutes) and never beyond the session's end.
 */
@Component
class PurchaseTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Duration ttl;

    PurchaseTokens(@Value("${magpie.flashsale.purchase-token-ttl:PT10M}") Duration ttl) {
        this.ttl = ttl;
    }

    /** A token and when it stops being accepted. */
    record Issued(String token, Instant expiresAt) {}

    /** The token for this customer; the caller has checked that the session is running. */
    Issued issue(SessionLedger ledger, String customerId, Instant now) {
        Instant expires = now.plus(ttl);
        if (expires.isAfter(ledger.endsAt)) {
            expires = ledger.endsAt;
        }
        long exp = expires.getEpochSecond();
        return new Issued(
                "v1." + exp + "." + B64.encodeToString(mac(ledger, customerId, exp)), Instant.ofEpochSecond(exp));
    }

    /** Whether the token was issued by {@link #issue} for this session and customer and is still valid. */
    boolean valid(SessionLedger ledger, String customerId, String token, Instant now) {
        if (token == null || token.length() > 100 || !token.startsWith("v1.")) {
            return false;
        }
        int dot = token.indexOf('.', 3);
        if (dot < 0) {
            return false;
        }
        long exp;
        byte[] signature;
        try {
            exp = Long.parseLong(token.substring(3, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return now.getEpochSecond() < exp && MessageDigest.isEqual(signature, mac(ledger, customerId, exp));
    }

    private static byte[] mac(SessionLedger ledger, String customerId, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ledger.tokenSecret, "HmacSHA256"));
            String message = ledger.tenantId + "\n" + ledger.sessionId + "\n" + customerId + "\n" + exp;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
