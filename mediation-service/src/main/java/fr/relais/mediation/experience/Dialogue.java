package fr.relais.mediation.experience;

import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The dialogue with procedure owners: citizens' comments (already stripped of what looks like personal data) wait for
 * a moderator, who publishes or rejects them; owners answer publicly, possibly naming the version of the procedure
 * that changed because of what citizens said.
 */
@ApplicationScoped
public class Dialogue {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MAX_ANSWER = 2000;

    @Inject
    ExperienceMetrics metrics;

    @Inject
    Clock clock;

    /** A comment as owners and moderators see it: no journey id, the day only. */
    public record Comment(UUID id, String procedureId, String stepId, String text, String status, int redactions,
                          LocalDate receivedOn) {
    }

    /** A published comment as the public sees it. */
    public record PublicComment(String text, String stepId, LocalDate receivedOn) {
    }

    public record Moderation(String decision) {
    }

    public record AnswerForm(String text, Integer changedInVersion) {
    }

    public record Answer(UUID id, String procedureId, String text, Integer changedInVersion, LocalDate answeredOn) {
    }

    public Uni<List<Comment>> comments(String procedureId, Instant since) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select id, procedure_id, nullif(step_id, ''), comment, comment_status, redactions, answered_at
                        from survey_response where procedure_id = :procedure and comment is not null and answered_at >= :since
                        order by answered_at desc limit 200""", Object[].class)
                .setParameter("procedure", procedureId).setParameter("since", since).getResultList()))
                .map(rows -> rows.stream().map(Dialogue::comment).toList());
    }

    public Uni<Comment> moderate(ExperienceCaller caller, UUID commentId, Moderation moderation) {
        String decision = moderation == null ? null : moderation.decision();
        if (!"publish".equals(decision) && !"reject".equals(decision)) {
            throw ProblemException.invalidField("decision", "decision is publish or reject");
        }
        String status = decision.equals("publish") ? "published" : "rejected";
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select id, procedure_id, nullif(step_id, ''), comment, comment_status, redactions, answered_at
                        from survey_response where id = :id and comment is not null for update""", Object[].class)
                .setParameter("id", commentId).getResultList()
                .flatMap(rows -> {
                    Comment found = rows.isEmpty() ? null : comment(rows.get(0));
                    if (found == null || !caller.reads(found.procedureId())) {
                        throw ProblemException.notFound("comment " + commentId);
                    }
                    return session.createNativeQuery("update survey_response set comment_status = :status, moderated_at = :at"
                                    + " where id = :id")
                            .setParameter("status", status).setParameter("at", clock.instant()).setParameter("id", commentId)
                            .executeUpdate()
                            .map(ignored -> new Comment(found.id(), found.procedureId(), found.stepId(), found.text(), status,
                                    found.redactions(), found.receivedOn()));
                })))
                .invoke(moderated -> metrics.moderated(moderated.procedureId(), status));
    }

    public Uni<List<PublicComment>> published(String procedureId, Instant since) {
        return comments(procedureId, since).map(comments -> comments.stream().filter(c -> c.status().equals("published"))
                .map(c -> new PublicComment(c.text(), c.stepId(), c.receivedOn())).toList());
    }

    public Uni<Answer> answer(ExperienceCaller caller, String procedureId, AnswerForm form) {
        if (!caller.answersFor(procedureId)) {
            throw ProblemException.forbidden("only the owner of " + procedureId + " answers for it");
        }
        String text = form == null || form.text() == null ? "" : form.text().strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER) {
            throw ProblemException.invalidField("text", "an answer has 1 to " + MAX_ANSWER + " characters");
        }
        if (form.changedInVersion() != null && form.changedInVersion() < 1) {
            throw ProblemException.invalidField("changedInVersion", "a procedure version starts at 1");
        }
        Answer answer = new Answer(UUID.randomUUID(), procedureId, text, form.changedInVersion(),
                LocalDate.ofInstant(clock.instant(), PARIS));
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into owner_answer (id, procedure_id, text, changed_in_version, answered_by, answered_at)
                        values (:id, :procedure, :text, :version, :by, :at)""")
                .setParameter("id", answer.id()).setParameter("procedure", procedureId).setParameter("text", text)
                .setParameter("version", form.changedInVersion()).setParameter("by", caller.subject())
                .setParameter("at", clock.instant()).executeUpdate()))
                .replaceWith(answer);
    }

    public Uni<List<Answer>> answers(String procedureId) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select id, procedure_id, text, changed_in_version, answered_at from owner_answer
                        where (:procedure = '' or procedure_id = :procedure) order by answered_at desc limit 200""", Object[].class)
                .setParameter("procedure", procedureId == null ? "" : procedureId).getResultList()))
                .map(rows -> rows.stream().map(r -> new Answer((UUID) r[0], (String) r[1], (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).intValue(), day(r[4]))).toList());
    }

    private static Comment comment(Object[] r) {
        return new Comment((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                day(r[6]));
    }

    static LocalDate day(Object timestamp) {
        Instant instant = timestamp instanceof Instant i ? i
                : timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
        return LocalDate.ofInstant(instant, PARIS);
    }
}
