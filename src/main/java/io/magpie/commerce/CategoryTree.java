package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree, at most {@value #MAX_DEPTH} levels. Each row keeps a materialized
 * {@code path} of ids ({@code /3/17/}) so a subtree is one prefix query; a move rewrites the path
 * and depth of the whole subtree in one statement.
 */
@Service
class CategoryTree {

    static final int MAX_DEPTH = 4;

    private static final String SELECT = """
            select c.code, c.name, p.code as parent_code, c.depth, c.position, c.created_at, c.updated_at
              from commerce_category c left join commerce_category p on p.id = c.parent_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    CategoryTree(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the category or replaces its name, parent and position, moving its subtree along. */
    @Transactional
    Upserted<CategoryView> put(long tenantId, String code, String name, String parentCode, int position) {
        // one writer per tenant's tree at a time: two concurrent moves could otherwise build a cycle
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('commerce_category', ?))")
                .param(tenantId)
                .query((rs, n) -> 1)
                .single();
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Node> existing = node(tenantId, code);
        Node parent = parentCode == null
                ? null
                : node(tenantId, parentCode)
                        .orElseThrow(() -> new ProblemException(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "unknown_category",
                                "parent category '" + parentCode + "' does not exist",
                                List.of(new FieldProblem("parent", "unknown_category", "no such category"))));
        int depth = parent == null ? 1 : parent.depth + 1;
        String parentPath = parent == null ? "/" : parent.path;
        if (existing.isEmpty()) {
            requireDepth(depth);
            long id = jdbc.sql("""
                            insert into commerce_category (tenant_id, code, name, parent_id, path, depth, position, updated_at, created_at)
                            values (?, ?, ?, ?, '/', ?, ?, ?, ?) returning id""")
                    .params(tenantId, code, name, parent == null ? null : parent.id, depth, position, now, now)
                    .query(Long.class)
                    .single();
            jdbc.sql("update commerce_category set path = ? where id = ?")
                    .params(parentPath + id + "/", id)
                    .update();
            return new Upserted<>(get(tenantId, code).orElseThrow(), true);
        }
        Node self = existing.get();
        if (parent != null && parent.path.startsWith(self.path)) {
            throw ProblemException.conflict(
                    "category_cycle",
                    "category '" + code + "' cannot move under '" + parentCode + "': that is itself or inside it");
        }
        int height = jdbc.sql("select max(depth) from commerce_category where tenant_id = ? and path like ?")
                        .params(tenantId, self.path + "%")
                        .query(Integer.class)
                        .single()
                - self.depth;
        requireDepth(depth + height);
        jdbc.sql("""
                        update commerce_category set name = ?, parent_id = ?, position = ?, updated_at = ?
                         where id = ?""")
                .params(name, parent == null ? null : parent.id, position, now, self.id)
                .update();
        String newPath = parentPath + self.id + "/";
        if (!newPath.equals(self.path)) {
            jdbc.sql("""
                            update commerce_category
                               set path = ? || substr(path, ?), depth = depth + ?, updated_at = ?
                             where tenant_id = ? and path like ?""")
                    .params(newPath, self.path.length() + 1, depth - self.depth, now, tenantId, self.path + "%")
                    .update();
        }
        return new Upserted<>(get(tenantId, code).orElseThrow(), false);
    }

    Optional<CategoryView> get(long tenantId, String code) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? and c.code = ?")
                .params(tenantId, code)
                .query(CategoryTree::view)
                .optional();
    }

    /** The whole tree, parents before their children. */
    List<CategoryView> all(long tenantId) {
        return jdbc.sql(SELECT + " where c.tenant_id = ? order by c.path collate \"C\"")
                .param(tenantId)
                .query(CategoryTree::view)
                .list();
    }

    private Optional<Node> node(long tenantId, String code) {
        return jdbc.sql("select id, path, depth from commerce_category where tenant_id = ? and code = ?")
                .params(tenantId, code)
                .query((rs, n) -> new Node(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw ProblemException.unprocessable(
                    "category_too_deep",
                    "categories nest at most " + MAX_DEPTH + " levels deep; this would be " + depth);
        }
    }

    private static CategoryView view(ResultSet rs, int n) throws SQLException {
        return new CategoryView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("parent_code"),
                rs.getInt("depth"),
                rs.getInt("position"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private record Node(long id, String path, int depth) {}
}
