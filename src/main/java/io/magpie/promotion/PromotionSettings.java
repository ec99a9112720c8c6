package io.magpie.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.pricing.StackingPolicy;
import io.magpie.tenant.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's stacking policy for cart evaluation: how many members of each stack group one order may
 * take, whether discounts may make an order free, and whether a line takes one offer per stage. Read
 * on every evaluation, so cached per node (a change on this node applies at once, on others within
 * {@link #CACHE_TTL}).
 */
@Service
public class PromotionSettings {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    static final int MAX_GROUPS = 20;
    private static final Pattern GROUP = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The policy as the API shows and takes it. */
    public record View(Map<String, Integer> groupCaps, boolean allowFreeOrders, boolean oneOfferPerLine) {

        StackingPolicy policy() {
            return new StackingPolicy(groupCaps, allowFreeOrders, oneOfferPerLine);
        }
    }

    /** A replacement; absent fields keep their default (no caps, no free orders, many offers per line). */
    public record Command(Map<String, Integer> groupCaps, Boolean allowFreeOrders, Boolean oneOfferPerLine) {}

    private static final View DEFAULTS = new View(Map.of(), false, false);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<Long, View> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000)
            .build();

    PromotionSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public View get(long tenantId) {
        return cache.get(tenantId, this::load);
    }

    /** The engine's policy for the tenant. */
    public StackingPolicy policy(long tenantId) {
        return get(tenantId).policy();
    }

    @Transactional
    public View replace(long tenantId, String actor, Command command) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> caps = new TreeMap<>();
        if (command != null && command.groupCaps() != null) {
            if (command.groupCaps().size() > MAX_GROUPS) {
                problems.add(new FieldProblem("group_caps", "too_many", "at most " + MAX_GROUPS + " groups"));
            }
            command.groupCaps().forEach((group, cap) -> {
                if (group == null || !GROUP.matcher(group).matches()) {
                    problems.add(new FieldProblem(
                            "group_caps." + group, "invalid_group", "a group name is [a-z0-9_-]{1,32}"));
                } else if (cap == null || cap < 1 || cap > 100) {
                    problems.add(new FieldProblem("group_caps." + group, "out_of_range", "a cap is between 1 and 100"));
                } else {
                    caps.put(group, cap);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "validation_failed", "the stacking settings are not valid", problems);
        }
        View before = load(tenantId);
        View after = new View(
                Map.copyOf(caps),
                command != null && Boolean.TRUE.equals(command.allowFreeOrders()),
                command != null && Boolean.TRUE.equals(command.oneOfferPerLine()));
        jdbc.sql("""
                        insert into promotion_settings
                          (tenant_id, group_caps, allow_free_orders, one_offer_per_line, updated_by, updated_at)
                        values (?, cast(? as jsonb), ?, ?, ?, ?)
                        on conflict (tenant_id) do update set group_caps = excluded.group_caps,
                          allow_free_orders = excluded.allow_free_orders,
                          one_offer_per_line = excluded.one_offer_per_line,
                          updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(
                        tenantId,
                        JSON.writeValueAsString(caps),
                        after.allowFreeOrders(),
                        after.oneOfferPerLine(),
                        actor,
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(tenantId, actor, "promotion_settings.updated", "promotion_settings", tenantId, before, after);
        cache.invalidate(tenantId);
        return after;
    }

    private View load(long tenantId) {
        return jdbc.sql("""
                        select group_caps::text, allow_free_orders, one_offer_per_line
                        from promotion_settings where tenant_id = ?""")
                .param(tenantId)
                .query((rs, n) -> new View(
                        Map.copyOf(JSON.readValue(rs.getString(1), new TypeReference<TreeMap<String, Integer>>() {})),
                        rs.getBoolean(2),
                        rs.getBoolean(3)))
                .optional()
                .orElse(DEFAULTS);
    }
}
