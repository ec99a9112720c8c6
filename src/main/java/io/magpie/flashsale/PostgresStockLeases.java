package io.magpie.flashsale;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock leases in {@code flashsale_stock_lease}. {@code magpie.flashsale.lease-segment} units per
 * lease (0, the default: everything left, the single-node case); {@code magpie.flashsale.node-id}
 * names this node (keep it stable across restarts so a restarted node finds its own lease).
 */
@Component
class PostgresStockLeases implements StockLeases {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String nodeId;
    private final int segment;

    PostgresStockLeases(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${magpie.flashsale.node-id:local}") String nodeId,
            @Value("${magpie.flashsale.lease-segment:0}") int segment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.nodeId = nodeId;
        this.segment = segment;
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
     * Moves unleased units of the item to this node: all of them, or a segment when this node holds
     * less than half a segment (when {@code onlyIfLow}).
     */
    private int lease(long tenantId, long itemId, boolean onlyIfLow) {
        Integer free = jdbc.sql("""
                        select stock - reserved - sold - leased from flashsale_item
                         where tenant_id = ? and id = ? for update""")
                .params(tenantId, itemId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (free <= 0) {
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
            take = Math.min(free, segment);
        }
        Timestamp now = Timestamp.from(clock.instant());
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
}
