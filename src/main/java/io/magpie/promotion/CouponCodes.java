package io.magpie.promotion;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Looks up coupon codes as customers type them: case-insensitive, typos rejected by the check character. */
@Service
public class CouponCodes {

    private final JdbcClient jdbc;

    CouponCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CouponCodeView> find(long tenantId, String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 100) {
            return Optional.empty();
        }
        String code = normalize(typed);
        // a generated code with a wrong check character is a typo; only imported external codes
        // (no check character, partial index) can still match it
        String onlyExternal = CodeCheck.isValid(code) ? "" : " and not checked";
        return jdbc.sql(
                        "select id, batch_id, code, state, customer_id from promotion_code where tenant_id = ? and code = ?"
                                + onlyExternal)
                .params(tenantId, code)
                .query((rs, n) -> new CouponCodeView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        CouponCodeState.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .optional();
    }

    static String normalize(String typed) {
        return typed.trim().toUpperCase(Locale.ROOT);
    }
}
