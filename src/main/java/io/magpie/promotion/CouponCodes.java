package io.magpie.promotion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Looks up coupon codes as customers type them: case-insensitive, typos rejected by the check character. */
@Service
public class CouponCodes {

    /** Generated and imported codes alike: 3 to 64 of A-Z, 0-9, '-' and '_' (see CouponCodeCsv). */
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9_-]{3,64}");

    private final JdbcClient jdbc;

    CouponCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CouponCodeView> find(long tenantId, String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 100) {
            return Optional.empty();
        }
        String code = normalize(typed);
        if (!SHAPE.matcher(code).matches()) {
            return Optional.empty(); // no stored code looks like this: answered without the database
        }
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

    /**
     * Marks an AVAILABLE code as issued to {@code customerId}; false when someone took it first. The conditional
     * update is what makes a code redeemable once only.
     */
    boolean take(long tenantId, long codeId, String customerId, Instant at) {
        return jdbc.sql("""
                        update promotion_code set state = 'ISSUED', customer_id = ?, issued_at = ?
                        where tenant_id = ? and id = ? and state = 'AVAILABLE'""")
                        .params(customerId, Timestamp.from(at), tenantId, codeId)
                        .update()
                == 1;
    }

    /** The coupon template the code's batch is linked to, if any. */
    Optional<Long> templateOf(long tenantId, long batchId) {
        return jdbc.sql(
                        "select campaign_id from promotion_code_batch where tenant_id = ? and id = ? and campaign_id is not null")
                .params(tenantId, batchId)
                .query(Long.class)
                .optional();
    }

    static String normalize(String typed) {
        return typed.trim().toUpperCase(Locale.ROOT);
    }
}
