package fr.relais.journey.privacy;

import fr.relais.journey.persistence.AnswerEntity;
import fr.relais.journey.persistence.CallbackContactEntity;
import fr.relais.journey.persistence.CheckValueEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rows written before sealing existed (migration V8) are sealed in the background, a batch at a time: person records
 * (their clear columns are emptied), answers, check values and call-back numbers (with their journey's key, made if the
 * journey has none). Until then they read as they are.
 */
@ApplicationScoped
public class LegacySealing {

    static final int BATCH = 200;

    @Scheduled(every = "${relais.data.rotation-interval:1m}", delay = 10, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sealAll().replaceWithVoid();
    }

    public Uni<Long> sealAll() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> persons(session)
                        .flatMap(p -> journeyKeys(session).flatMap(ignored -> journeyValues(session)).map(v -> p + v))))
                .flatMap(done -> done == 0 ? Uni.createFrom().item(0L) : sealAll().map(more -> more + done));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Long> persons(Mutiny.Session session) {
        return session.createNativeQuery("select id, given_names, family_name, birth_date, phone, email, address_line, postcode, city, "
                        + "name_key from person where sealed is null and erased_at is null and given_names is not null limit " + BATCH
                        + " for update skip locked", Object[].class).getResultList()
                .flatMap(rows -> {
                    MasterKeys keys = DataProtection.masterKeys();
                    Uni<Long> chain = Uni.createFrom().item(0L);
                    for (Object[] r : rows) {
                        UUID id = (UUID) r[0];
                        LocalDate birthDate = r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3];
                        String wrapped = keys.newWrappedKey();
                        String sealed = new PersonSecrets((String) r[1], (String) r[2], birthDate, (String) r[4], (String) r[5],
                                (String) r[6], (String) r[7], (String) r[8]).seal(keys.unwrap(wrapped), id);
                        chain = chain.flatMap(n -> session.createNativeQuery("update person set sealed = :sealed, data_key = :key, "
                                        + "identity_index = :index, given_names = null, family_name = null, birth_date = null, name_key = null, "
                                        + "phone = null, email = null, address_line = null, postcode = null, city = null where id = :id")
                                .setParameter("sealed", sealed).setParameter("key", wrapped)
                                .setParameter("index", DataProtection.identityIndex().of((String) r[9], birthDate))
                                .setParameter("id", id).executeUpdate().map(ignored -> n + 1));
                    }
                    return chain;
                });
    }

    /** Journeys with clear personal rows and no key get one first. */
    private static Uni<Integer> journeyKeys(Mutiny.Session session) {
        return session.createNativeQuery("select id from journey j where data_key is null and erased_at is null and ("
                        + "exists (select 1 from journey_answer a where a.journey_id = j.id and a.value not like 's1:%') or "
                        + "exists (select 1 from journey_check_value c where c.journey_id = j.id and c.check_value not like 's1:%') or "
                        + "exists (select 1 from callback_contact k where k.journey_id = j.id and k.phone not like 's1:%')) limit " + BATCH,
                        UUID.class).getResultList()
                .flatMap(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        chain = chain.flatMap(n -> session.createNativeQuery("update journey set data_key = :key where id = :id and data_key is null")
                                .setParameter("key", DataProtection.masterKeys().newWrappedKey()).setParameter("id", id).executeUpdate());
                    }
                    return chain;
                });
    }

    private record Clear(String select, String update) {
    }

    private static final List<Clear> VALUES = List.of(
            new Clear("select a.journey_id, a.step_id, a.field, a.value, j.data_key from journey_answer a join journey j on j.id = a.journey_id "
                    + "where a.value not like 's1:%' and j.data_key is not null limit " + BATCH,
                    "update journey_answer set value = :sealed where journey_id = :journey and step_id = :a and field = :b"),
            new Clear("select c.journey_id, '', '', c.check_value, j.data_key from journey_check_value c join journey j on j.id = c.journey_id "
                    + "where c.check_value not like 's1:%' and j.data_key is not null limit " + BATCH,
                    "update journey_check_value set check_value = :sealed where journey_id = :journey and :a = :b"),
            new Clear("select k.journey_id, cast(k.callback_id as text), '', k.phone, j.data_key from callback_contact k join journey j on j.id = k.journey_id "
                    + "where k.phone not like 's1:%' and j.data_key is not null limit " + BATCH,
                    "update callback_contact set phone = :sealed where journey_id = :journey and cast(callback_id as text) = :a and :b = ''"));

    @SuppressWarnings("unchecked")
    private static Uni<Long> journeyValues(Mutiny.Session session) {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (int i = 0; i < VALUES.size(); i++) {
            Clear clear = VALUES.get(i);
            int kind = i;
            total = total.flatMap(sum -> session.createNativeQuery(clear.select(), Object[].class).getResultList().flatMap(rows -> {
                Uni<Long> chain = Uni.createFrom().item(sum);
                for (Object[] r : rows) {
                    UUID journey = (UUID) r[0];
                    String a = (String) r[1];
                    String b = (String) r[2];
                    String binding = switch (kind) {
                        case 0 -> AnswerEntity.binding(journey, a, b);
                        case 1 -> CheckValueEntity.binding(journey);
                        default -> CallbackContactEntity.binding(UUID.fromString(a));
                    };
                    String sealed = DataCipher.seal((String) r[3], DataProtection.masterKeys().unwrap((String) r[4]), binding);
                    chain = chain.flatMap(n -> session.createNativeQuery(clear.update()).setParameter("sealed", sealed)
                            .setParameter("journey", journey).setParameter("a", a).setParameter("b", b)
                            .executeUpdate().map(ignored -> n + 1));
                }
                return chain;
            }));
        }
        return total;
    }
}
