package io.magpie.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Console users: lookup for login, creation, role and password changes. */
@Service
class ConsoleUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    ConsoleUsers(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select * from tenant_user where lower(username) = lower(?)")
                .param(username)
                .query((rs, n) -> principal(rs, rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The current state of a logged-in user, without the password hash; empty when deleted. */
    Optional<ConsoleUser> current(long id) {
        return jdbc.sql("select * from tenant_user where id = ?")
                .param(id)
                .query((rs, n) -> principal(rs, ""))
                .optional();
    }

    @Transactional
    UserView create(long tenantId, String username, String displayName, String rawPassword, Role role) {
        long id = jdbc.sql("""
                        insert into tenant_user (tenant_id, username, display_name, password_hash, role, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenantId,
                        username,
                        displayName,
                        encoder.encode(rawPassword),
                        role.name(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return find(tenantId, id).orElseThrow();
    }

    Optional<UserView> find(long tenantId, long id) {
        return jdbc.sql("select * from tenant_user where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(ConsoleUsers::view)
                .optional();
    }

    /** Up to {@code limit} users with ids below {@code beforeId}, newest first. */
    List<UserView> list(long tenantId, int limit, long beforeId) {
        return jdbc.sql("select * from tenant_user where tenant_id = ? and id < ? order by id desc limit ?")
                .params(tenantId, beforeId, limit)
                .query(ConsoleUsers::view)
                .list();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from tenant_user where lower(username) = lower(?))")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    /**
     * Serializes changes to one tenant's users, so two owners demoting each other at the same time
     * cannot both pass the last-owner check.
     */
    void lockTenant(long tenantId) {
        jdbc.sql("select id from tenant where id = ? for update")
                .param(tenantId)
                .query(Long.class)
                .optional();
    }

    int enabledOwners(long tenantId) {
        return jdbc.sql("select count(*) from tenant_user where tenant_id = ? and role = 'OWNER' and enabled")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }

    void update(long tenantId, long id, String displayName, Role role, boolean enabled) {
        jdbc.sql("update tenant_user set display_name = ?, role = ?, enabled = ? where tenant_id = ? and id = ?")
                .params(displayName, role.name(), enabled, tenantId, id)
                .update();
    }

    void changePassword(long tenantId, long id, String rawPassword) {
        jdbc.sql("update tenant_user set password_hash = ? where tenant_id = ? and id = ?")
                .params(encoder.encode(rawPassword), tenantId, id)
                .update();
    }

    boolean anyExists() {
        return jdbc.sql("select exists (select 1 from tenant_user)")
                .query(Boolean.class)
                .single();
    }

    void recordLogin(long userId) {
        jdbc.sql("update tenant_user set last_login_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), userId)
                .update();
    }

    private static ConsoleUser principal(ResultSet rs, String passwordHash) throws SQLException {
        return new ConsoleUser(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                passwordHash,
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"));
    }

    private static UserView view(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_login_at");
        return new UserView(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant());
    }
}
