package fr.relais.journey.accesslog;

import fr.relais.journey.persistence.AccessChainEntity;
import fr.relais.journey.persistence.AccessLogDigestEntity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs the heads of every chain: once a day (the first check after a day ends, by any instance: the day is unique
 * and the making is serialised by an advisory lock), and on an operator's request before an audit.
 */
@ApplicationScoped
public class AccessLogDigests {

    private static final Logger LOG = Logger.getLogger(AccessLogDigests.class);
    private static final int ROWS_PER_INSERT = 1000;

    private final SigningKey key;
    private final ZoneId zone;
    private final Clock clock;
    private final Counter daily;
    private final Counter requested;
    private final AtomicLong lastMadeAt = new AtomicLong();

    @Inject
    AccessLogDigests(AccessLogSigningConfig config, Clock clock, MeterRegistry registry) {
        this.key = SigningKey.fromBase64Seed(config.signingKey());
        this.zone = ZoneId.of(config.zone());
        this.clock = clock;
        this.daily = Counter.builder("relais_access_log_digests").tag("kind", "daily")
                .description("Access-log digests signed").register(registry);
        this.requested = Counter.builder("relais_access_log_digests").tag("kind", "requested")
                .description("Access-log digests signed").register(registry);
        registry.gauge("relais_access_log_last_digest_timestamp_seconds", lastMadeAt, AtomicLong::doubleValue);
    }

    public VerifyingKey verifyingKey() {
        return key.verifyingKey();
    }

    @Scheduled(every = "${relais.access-log.daily-digest-check:10m}", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        // the gauge follows the newest digest whoever made it (another instance, or an operator's request)
        return makeDaily().replaceWithVoid().flatMap(ignored -> latest(1)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("the daily access-log digest was not made, next check retries: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** The digest of the day that ended last, unless one exists; null when it does. */
    @WithTransaction
    public Uni<DigestView> makeDaily() {
        LocalDate closed = LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
        return lock().flatMap(ignored -> AccessLogDigestEntity.count("day", closed)).flatMap(found -> found > 0
                ? Uni.createFrom().nullItem()
                : make(closed).invoke(() -> daily.increment()));
    }

    /** A digest now, on request: what an auditor wants signed before she looks. */
    @WithTransaction
    public Uni<DigestView> makeNow() {
        return lock().flatMap(ignored -> make(null)).invoke(() -> requested.increment());
    }

    @WithSession
    public Uni<List<DigestView>> latest(int count) {
        return AccessLogDigestEntity.<AccessLogDigestEntity>findAll(Sort.descending("id")).page(0, count).list()
                .map(rows -> rows.stream().map(d -> DigestView.of(d.id,
                        new DigestText(d.day, d.madeAt, d.chains, d.entries, d.root), d.keyId, d.signature)).toList())
                .invoke(rows -> rows.stream().findFirst().ifPresent(d -> lastMadeAt.set(d.madeAt().getEpochSecond())));
    }

    private Uni<DigestView> make(LocalDate day) {
        Instant now = clock.instant();
        return AccessChainEntity.<AccessChainEntity>list("length > 0").flatMap(rows -> {
            List<ChainHead> heads = rows.stream().map(c -> new ChainHead(c.chainId, c.length, c.headHash)).toList();
            DigestText text = DigestText.of(day, now, heads);
            AccessLogDigestEntity digest = new AccessLogDigestEntity();
            digest.day = day;
            digest.madeAt = text.madeAt();
            digest.chains = text.chains();
            digest.entries = text.entries();
            digest.root = text.root();
            digest.keyId = key.keyId();
            digest.signature = key.sign(text.signedBytes());
            return digest.<AccessLogDigestEntity>persistAndFlush()
                    .flatMap(saved -> Panache.getSession().flatMap(session -> insertHeads(session, saved.id, heads, 0)))
                    .invoke(() -> lastMadeAt.set(text.madeAt().getEpochSecond()))
                    .map(ignored -> DigestView.of(digest.id, text, digest.keyId, digest.signature));
        });
    }

    private static Uni<Void> insertHeads(Mutiny.Session session, long digestId, List<ChainHead> heads, int from) {
        if (from >= heads.size()) {
            return Uni.createFrom().voidItem();
        }
        List<ChainHead> batch = heads.subList(from, Math.min(heads.size(), from + ROWS_PER_INSERT));
        StringBuilder sql = new StringBuilder("insert into access_log_digest_chain (digest_id, chain_id, length, head_hash) values ");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:digest, :c").append(i).append(", :n").append(i).append(", :h").append(i).append(')');
        }
        var insert = session.createNativeQuery(sql.toString()).setParameter("digest", digestId);
        for (int i = 0; i < batch.size(); i++) {
            insert.setParameter("c" + i, batch.get(i).chainId()).setParameter("n" + i, batch.get(i).length())
                    .setParameter("h" + i, batch.get(i).headHash());
        }
        return insert.executeUpdate().flatMap(ignored -> insertHeads(session, digestId, heads, from + ROWS_PER_INSERT));
    }

    /** One digest at a time across instances, held until the transaction ends. */
    private static Uni<Void> lock() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('access-log-digest', 0))")
                .getSingleResult()).replaceWithVoid();
    }
}
