package io.magpie.flashsale;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock leases in {@code flashsale_stock_lease}. {@code magpie.flashsale.lease-segment} units per
 * lease (0, the default: everything left, the single-node case); {@code magpie.flashsale.node-id}
 * names this node (keep it stable across restarts so a restarted node finds its own lease). A lease
 * whose {@code renewed_at} is older than {@code magpie.flashsale.lease-ttl} belongs to a dead node.
 * Every transaction that touches both locks the item row before the lease rows.
 */
@Component
class PostgresStockLeases implements StockLeases {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String nodeId;
    private final int segment;
    private final Duration ttl;

    PostgresStockLeases(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${magpie.flashsale.node-id:local}") String nodeId,
            @Value("${magpie.flashsale.lease-segment:0}") int segment,
            @Value("${magpie.flashsale.lease-ttl:PT15S}") Duration ttl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.nodeId = nodeId;
        this.segment = segment;
        this.ttl = ttl;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Lease acquire(long tenantId, long itemId) {
        return transactions.execute(tx -> {
            lease(tenantId, itemId, true);
            return jdbc.sql("""
                            select coalesce(l.amount, 0), i.stock - i.reserved - i.sold - coalesce(l.amount, 0)
                              from flashsale_item i
                              left join flashsale_stock_lease l on l.item_id = i.id and l.node_id = ?
                             where i.id = ?""")
                    .params(nodeId, itemId)
                    .query((rs, n) -> new Lease(rs.getInt(1), rs.getInt(2)))
                    .optional()
                    .orElse(new Lease(0, 0));
        });
    }

    @Override
    public int topUp(long tenantId, long itemId) {
        return transactions.execute(tx -> lease(tenantId, itemId, false));
    }

    /**
     * Moves unleased units of the item to this node: all of them, or a segment (when
     * {@code onlyIfLow}, only if this node holds less than half a segment). Segments shrink as the
     * stock runs out: never more than an equal share of what is left among the nodes that hold a
     * live lease of the item, so the last units are spread rather than stranded on one node.
     */
    private int lease(long tenantId, long itemId, boolean onlyIfLow) {
        Integer free = jdbc.sql("""
                        select stock - reserved - sold - leased from flashsale_item
                         where tenant_id = ? and id = ? for update""")
                .params(tenantId, itemId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        Timestamp now = Timestamp.from(clock.instant());
        if (free <= 0) {
            askOthers(tenantId, itemId, now);
            return 0;
        }
        int take = free;
        if (segment > 0) {
            int held = jdbc.sql(
                            "select coalesce(sum(amount), 0) from flashsale_stock_lease where item_id = ? and node_id = ?")
                    .params(itemId, nodeId)
                    .query(Integer.class)
                    .single();
            if (onlyIfLow && held * 2 >= segment) {
                return 0;
            }
            int others = jdbc.sql("""
                            select count(*) from flashsale_stock_lease
                             where item_id = ? and node_id <> ? and renewed_at >= ?""")
                    .params(itemId, nodeId, Timestamp.from(now.toInstant().minus(ttl)))
                    .query(Integer.class)
                    .single();
            int share = (free + others) / (others + 1); // ceil(free / nodes)
            take = Math.min(segment, share);
        }
        jdbc.sql("""
                        insert into flashsale_stock_lease (tenant_id, item_id, node_id, amount, renewed_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (item_id, node_id)
                        do update set amount = flashsale_stock_lease.amount + excluded.amount, renewed_at = excluded.renewed_at""").params(tenantId, itemId, nodeId, take, now).update();
        jdbc.sql("update flashsale_item set leased = leased + ? where id = ?")
                .params(take, itemId)
                .update();
        return take;
    }

    /**
     * Nothing unleased: when other nodes hold unsold units, this node's lease row records that it
     * wants some ({@code wanted_at}); they answer by handing units back. No write otherwise.
     */
    private void askOthers(long tenantId, long itemId, Timestamp now) {
        jdbc.sql("""
                        insert into flashsale_stock_lease (tenant_id, item_id, node_id, amount, renewed_at, wanted_at)
                        select ?, ?, ?, 0, ?, ?
                         where exists (select 1 from flashsale_stock_lease
                                        where item_id = ? and node_id <> ? and amount > 0)
                        on conflict (item_id, node_id)
                        do update set wanted_at = excluded.wanted_at, renewed_at = excluded.renewed_at""").params(tenantId, itemId, nodeId, now, now, itemId, nodeId).update();
    }

    @Override
    public boolean release(long itemId, int units) {
        if (units <= 0) {
            return true;
        }
        try {
            return transactions.execute(tx -> {
                jdbc.sql("update flashsale_item set leased = leased - ? where id = ?")
                        .params(units, itemId)
                        .update();
                int updated = jdbc.sql(
                                "update flashsale_stock_lease set amount = amount - ? where item_id = ? and node_id = ?")
                        .params(units, itemId, nodeId)
                        .update();
                if (updated != 1) {
                    tx.setRollbackOnly();
                    return false;
                }
                return true;
            });
        } catch (DataIntegrityViolationException e) {
            return false; // the lease holds fewer units than that: nothing moved
        }
    }

    @Override
    public Set<Long> renew(Collection<Long> items) {
        Long[] selling = items.toArray(Long[]::new);
        // rows a batch holds locked are skipped (no lock is waited for, so no lock-order cycle with
        // a writer that holds the item rows): they are renewed by one of the next beats
        jdbc.sql("""
                        update flashsale_stock_lease set renewed_at = ?
                         where id in (select id from flashsale_stock_lease
                                       where node_id = ? and (amount > 0 or item_id = any(?))
                                       for update skip locked)""").params(Timestamp.from(clock.instant()), nodeId, selling).update();
        return new HashSet<>(
                jdbc.sql("select item_id from flashsale_stock_lease where node_id = ? and item_id = any(?)")
                        .params(nodeId, selling)
                        .query(Long.class)
                        .list());
    }

    @Override
    public List<Reclaimed> reclaimExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(ttl));
        var stale = jdbc.sql("""
                        select item_id, node_id from flashsale_stock_lease
                         where node_id <> ? and renewed_at < ? order by item_id, node_id""")
                .params(nodeId, cutoff)
                .query((rs, n) -> new Reclaimed(rs.getLong(1), rs.getString(2), 0))
                .list();
        List<Reclaimed> reclaimed = new java.util.ArrayList<>();
        for (Reclaimed lease : stale) {
            Integer units = transactions.execute(tx -> {
                jdbc.sql("select 1 from flashsale_item where id = ? for update")
                        .param(lease.itemId())
                        .query(Integer.class)
                        .optional();
                // checked again under the item's lock: a heartbeat may have renewed it meanwhile
                Integer amount = jdbc.sql("""
                                delete from flashsale_stock_lease
                                 where item_id = ? and node_id = ? and renewed_at < ? returning amount""")
                        .params(lease.itemId(), lease.nodeId(), cutoff)
                        .query(Integer.class)
                        .optional()
                        .orElse(null);
                if (amount != null && amount > 0) {
                    jdbc.sql("update flashsale_item set leased = leased - ? where id = ?")
                            .params(amount, lease.itemId())
                            .update();
                }
                return amount;
            });
            if (units != null) {
                reclaimed.add(new Reclaimed(lease.itemId(), lease.nodeId(), units));
            }
        }
        return reclaimed;
    }

    @Override
    public List<Demand> demand(Instant since) {
        return jdbc.sql("""
                        select mine.item_id, max(other.wanted_at), mine.amount
                          from flashsale_stock_lease mine
                          join flashsale_stock_lease other on other.item_id = mine.item_id and other.node_id <> mine.node_id
                         where mine.node_id = ? and mine.amount > 0 and other.wanted_at > ?
                         group by mine.item_id, mine.amount""")
                .params(nodeId, Timestamp.from(since))
                .query((rs, n) -> new Demand(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
                .list();
    }
}
