package vn.lienthong.gateway.directory;

import static vn.lienthong.gateway.tracking.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency directory in the database (tables {@code agencies}, {@code systems},
 * {@code system_agency}; see {@code db/migration/V1__directory.sql}). Plain SQL that runs on H2 in
 * PostgreSQL mode and on PostgreSQL.
 */
@Repository
public class DirectoryRepository {

    private static final String AGENCY_COLUMNS = "code, name, side, delivery_mode, push_endpoint, "
            + "signature_policy, enabled, created_at, updated_at";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectoryRepository.class);
    /**
     * How long a system found for authentication is answered from memory. Systems poll their inbox all day, so
     * the lookup is the bulk of an empty poll's cost; every change made through this repository clears the
     * cache at once, and a change made on another node (or in SQL) is seen within this time.
     */
    private static final long SYSTEM_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final Map<String, CachedSystem> systemCache = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedSystem(SystemAccount system, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final vn.lienthong.gateway.security.SecretCipher secrets;

    /** {@code secrets} seals systems' secrets in the table (AES-GCM under a key kept outside the database). */
    public DirectoryRepository(JdbcClient jdbc, vn.lienthong.gateway.security.SecretCipher secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public Optional<Agency> findAgency(String code) {
        return jdbc.sql("SELECT " + AGENCY_COLUMNS + " FROM agencies WHERE code = ?")
                .param(code)
                .query(DirectoryRepository::agency)
                .optional();
    }

    /** Every agency, by code. */
    public List<Agency> listAgencies() {
        return jdbc.sql("SELECT " + AGENCY_COLUMNS + " FROM agencies ORDER BY code")
                .query(DirectoryRepository::agency)
                .list();
    }

    public long countAgencies() {
        return jdbc.sql("SELECT COUNT(*) FROM agencies").query(Long.class).single();
    }

    /** A system with its secret and the agencies it may act for. */
    public Optional<SystemAccount> findSystem(String systemId) {
        long now = System.nanoTime();
        CachedSystem cached = systemCache.get(systemId);
        if (cached != null && now - cached.loadedAt() < SYSTEM_CACHE_NANOS) {
            return Optional.of(cached.system());
        }
        List<SystemAccount> found = systems("WHERE s.system_id = ?", systemId);
        if (found.isEmpty()) {
            return Optional.empty(); // unknown ids are not kept: a caller cannot fill the cache
        }
        systemCache.put(systemId, new CachedSystem(found.get(0), now));
        return Optional.of(found.get(0));
    }

    /**
     * The secret that proves pushes to {@code agencyCode} ({@code PushProof}): the secret of the system that receives
     * for it (the first by id when several do); empty when no system does.
     */
    public Optional<String> pushSecretOf(String agencyCode) {
        return jdbc.sql("SELECT system_id FROM system_agency WHERE agency_code = ? ORDER BY system_id")
                .param(agencyCode).query(String.class).list().stream().findFirst()
                .flatMap(this::findSystem).map(SystemAccount::secret);
    }

    /** Every system, by id. */
    public List<SystemAccount> listSystems() {
        return systems("", null);
    }

    public long countSystems() {
        return jdbc.sql("SELECT COUNT(*) FROM systems").query(Long.class).single();
    }

    /** Inserts an agency; the timestamps come from the database clock. */
    public void insertAgency(Agency agency) {
        systemCache.clear();
        jdbc.sql("INSERT INTO agencies (code, name, side, delivery_mode, push_endpoint, signature_policy, enabled) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(agency.code(), agency.name(), agency.side().name(), agency.deliveryMode().name(),
                        agency.pushEndpoint(), agency.signaturePolicy().name(), agency.enabled())
                .update();
    }

    /** Changes an agency's name, side, delivery, signature policy and whether it is enabled. */
    public boolean updateAgency(Agency agency) {
        systemCache.clear();
        // an agency taken off its link (another mode) forgets the link
        return jdbc.sql("UPDATE agencies SET name = ?, side = ?, delivery_mode = ?, push_endpoint = ?, "
                        + "signature_policy = ?, enabled = ?, updated_at = CURRENT_TIMESTAMP, "
                        + "link_id = CASE WHEN CAST(? AS VARCHAR(16)) = 'LINK' THEN link_id ELSE NULL END WHERE code = ?")
                .params(agency.name(), agency.side().name(), agency.deliveryMode().name(), agency.pushEndpoint(),
                        agency.signaturePolicy().name(), agency.enabled(), agency.deliveryMode().name(), agency.code())
                .update() == 1;
    }

    /** Holds (true) or releases (false) deliveries to an agency. */
    public boolean setSuspended(String code, boolean suspended) {
        systemCache.clear();
        return jdbc.sql("UPDATE agencies SET suspended = ?, updated_at = CURRENT_TIMESTAMP WHERE code = ?")
                .params(suspended, code).update() == 1;
    }

    public boolean isSuspended(String code) {
        return jdbc.sql("SELECT suspended FROM agencies WHERE code = ?").param(code).query(Boolean.class)
                .optional().orElse(false);
    }

    /** The codes of every agency whose deliveries are held. */
    public Set<String> suspendedCodes() {
        return new TreeSet<>(jdbc.sql("SELECT code FROM agencies WHERE suspended = TRUE").query(String.class).list());
    }

    /** Changes a system's name, whether it is enabled, and the agencies it acts for. */
    public boolean updateSystem(String systemId, String name, boolean enabled, Set<String> agencyCodes) {
        systemCache.clear();
        int rows = jdbc.sql("UPDATE systems SET name = ?, enabled = ? WHERE system_id = ?")
                .params(name, enabled, systemId).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM system_agency WHERE system_id = ?").param(systemId).update();
        for (String code : agencyCodes) {
            jdbc.sql("INSERT INTO system_agency (system_id, agency_code) VALUES (?, ?)").params(systemId, code).update();
        }
        return true;
    }

    /** The system a TLS client certificate (by SHA-256 fingerprint) authenticates, if one is registered. */
    public Optional<SystemAccount> findSystemByClientCertificate(String sha256Fingerprint) {
        return jdbc.sql("SELECT system_id FROM systems WHERE client_cert_sha256 = ?").param(sha256Fingerprint)
                .query(String.class).optional().flatMap(this::findSystem);
    }

    /** Registers (or, with null, removes) the client certificate a system may authenticate with. */
    public boolean setClientCertificate(String systemId, String sha256Fingerprint) {
        systemCache.clear();
        return jdbc.sql("UPDATE systems SET client_cert_sha256 = ? WHERE system_id = ?")
                .params(sha256Fingerprint, systemId).update() == 1;
    }

    /** Replaces a system's secret; the old one stops working at once. */
    public boolean rotateSecret(String systemId, String secret) {
        systemCache.clear();
        return jdbc.sql("UPDATE systems SET secret = ?, secret_rotated_at = CURRENT_TIMESTAMP WHERE system_id = ?")
                .params(secrets.encrypt(systemId, secret), systemId).update() == 1;
    }

    /**
     * A system's request security: strict mode (fresh, operation-bound, never replayed signed requests) and the
     * addresses it may call from (IPs or CIDR ranges; empty: anywhere).
     */
    public boolean setRequestSecurity(String systemId, boolean strict, List<String> allowedSources) {
        String sources = allowedSources == null || allowedSources.isEmpty() ? null : String.join(",", allowedSources);
        return jdbc.sql("UPDATE systems SET strict_requests = ?, allowed_sources = ? WHERE system_id = ?")
                .params(strict, sources, systemId).update() == 1;
    }

    /** SHA-256 fingerprints (lower-case hex) of the certificates registered for an agency. */
    public Set<String> fingerprintsOf(String agencyCode) {
        return new TreeSet<>(jdbc.sql("SELECT sha256_fingerprint FROM agency_certificates WHERE agency_code = ?")
                .param(agencyCode).query(String.class).list());
    }

    /** Registers a certificate (by fingerprint) as one the agency signs with. */
    public void addFingerprint(String agencyCode, String sha256Fingerprint) {
        systemCache.clear();
        jdbc.sql("INSERT INTO agency_certificates (agency_code, sha256_fingerprint) VALUES (?, ?)")
                .params(agencyCode, sha256Fingerprint).update();
    }

    /** Records that an agency code is retired in favour of {@code successor} (see {@link AgencyRetirements}). */
    public void insertRetirement(String code, String successor, String onDocument) {
        systemCache.clear();
        jdbc.sql("INSERT INTO agency_retirements (code, successor_code, on_document) VALUES (?, ?, ?)")
                .params(code, successor, onDocument).update();
    }

    /** Inserts a system and its links to agencies (which must exist). */
    public void insertSystem(SystemAccount system) {
        systemCache.clear();
        jdbc.sql("INSERT INTO systems (system_id, name, secret, enabled) VALUES (?, ?, ?, ?)")
                .params(system.systemId(), system.name(), secrets.encrypt(system.systemId(), system.secret()),
                        system.enabled())
                .update();
        for (String code : system.agencyCodes()) {
            jdbc.sql("INSERT INTO system_agency (system_id, agency_code) VALUES (?, ?)")
                    .params(system.systemId(), code)
                    .update();
        }
    }

    private List<SystemAccount> systems(String where, String param) {
        // one round trip: one row per (system, agency), or one row with a null code for a system without any
        JdbcClient.StatementSpec spec = jdbc.sql(
                "SELECT s.system_id, s.name, s.secret, s.enabled, s.created_at, s.secret_rotated_at, sa.agency_code "
                        + "FROM systems s LEFT JOIN system_agency sa ON sa.system_id = s.system_id "
                        + where + " ORDER BY s.system_id, sa.agency_code");
        if (param != null) {
            spec = spec.param(param);
        }
        Map<String, SystemRow> rows = new LinkedHashMap<>();
        spec.query(rs -> {
            String id = rs.getString("system_id");
            SystemRow row = rows.get(id);
            if (row == null) {
                row = new SystemRow(id, rs.getString("name"), openSecret(id, rs.getString("secret")), rs.getBoolean("enabled"),
                        instant(rs, "created_at"), instant(rs, "secret_rotated_at"), new TreeSet<>());
                rows.put(id, row);
            }
            String code = rs.getString("agency_code");
            if (code != null) {
                row.codes().add(code);
            }
        });
        List<SystemAccount> result = new ArrayList<>(rows.size());
        for (SystemRow r : rows.values()) {
            result.add(new SystemAccount(r.id(), r.name(), r.secret(), r.enabled(), r.createdAt(), r.rotatedAt(),
                    r.codes()));
        }
        return result;
    }

    /**
     * A stored secret opened; one that does not open (not sealed, sealed for another system, altered, unknown key)
     * becomes a random value nobody knows, so the system cannot log in until an admin rotates its secret.
     */
    private String openSecret(String systemId, String stored) {
        try {
            return secrets.decrypt(systemId, stored);
        } catch (IllegalArgumentException e) {
            LOG.error("Khóa bí mật của hệ thống {} không mở được, hệ thống không đăng nhập được (system secret does not"
                    + " open: {})", vn.lienthong.adapters.exchange.LogSafe.text(systemId), e.getMessage());
            byte[] unknowable = new byte[32];
            new java.security.SecureRandom().nextBytes(unknowable);
            return java.util.HexFormat.of().formatHex(unknowable);
        }
    }

    /**
     * Seals every secret that is not yet sealed under the current key: values stored in plain text before
     * encryption existed, and values sealed under the previous key during a rotation. Idempotent and safe on
     * several nodes at once (each row changes only if it still holds what was read). Returns the rows changed.
     */
    public int sealSecrets() {
        int changed = 0;
        for (String[] row : jdbc.sql("SELECT system_id, secret FROM systems")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
            String id = row[0];
            String stored = row[1];
            if (secrets.isCurrent(stored)) {
                continue;
            }
            String plain;
            try {
                plain = vn.lienthong.gateway.security.SecretCipher.isSealed(stored) ? secrets.decrypt(id, stored) : stored;
            } catch (IllegalArgumentException e) {
                LOG.error("Không niêm phong lại được khóa bí mật của {} (cannot re-seal: {})",
                        vn.lienthong.adapters.exchange.LogSafe.text(id), e.getMessage());
                continue;
            }
            changed += jdbc.sql("UPDATE systems SET secret = ? WHERE system_id = ? AND secret = ?")
                    .params(secrets.encrypt(id, plain), id, stored).update();
        }
        systemCache.clear();
        return changed;
    }

    private record SystemRow(String id, String name, String secret, boolean enabled, Instant createdAt,
            Instant rotatedAt, Set<String> codes) {
    }

    private static Agency agency(ResultSet rs, int rowNum) throws SQLException {
        return new Agency(
                rs.getString("code"),
                rs.getString("name"),
                Side.valueOf(rs.getString("side")),
                DeliveryMode.valueOf(rs.getString("delivery_mode")),
                rs.getString("push_endpoint"),
                SignaturePolicy.valueOf(rs.getString("signature_policy")),
                rs.getBoolean("enabled"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
