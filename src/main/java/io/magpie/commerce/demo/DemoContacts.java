package io.magpie.commerce.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Placeholder until the customer directory's hashing is merged. */
@Component
class DemoContacts {

    private final JdbcClient jdbc;

    DemoContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String phoneHash(long tenantId, String phone) {
        return hmac(tenantId, phone.replaceAll("[^0-9+]", ""));
    }

    String emailHash(long tenantId, String email) {
        return hmac(tenantId, email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    private String hmac(long tenantId, String value) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into commerce_tenant_salt (tenant_id, salt) values (?, ?) on conflict do nothing")
                .params(tenantId, fresh)
                .update();
        byte[] salt = jdbc.sql("select salt from commerce_tenant_salt where tenant_id = ?")
                .param(tenantId)
                .query(byte[].class)
                .single();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
