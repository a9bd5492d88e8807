package fr.relais.notification.service;

import fr.relais.notification.api.MessageViews;
import fr.relais.notification.domain.Recipient;
import fr.relais.notification.downstream.Recipients;
import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import fr.relais.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A site's daily letter batches: listed, printed as one PDF (addresses read now), marked posted. Blocking. */
@ApplicationScoped
public class Letters {

    @Inject
    Recipients recipients;

    @Inject
    Outcomes outcomes;

    public List<MessageViews.LetterBatch> batches(String site) {
        List<DeliveryEntity> letters = Db.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() ->
                DeliveryEntity.<DeliveryEntity>list("channel = 'letter' and letterSite = ?1 and status in ('sent', 'delivered')"
                        + " order by letterDay desc", site)));
        Map<LocalDate, int[]> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (DeliveryEntity d : letters) {
            int[] counts = byDay.computeIfAbsent(d.letterDay, day -> new int[2]);
            counts[0]++;
            if ("delivered".equals(d.status)) {
                counts[1]++;
            }
        }
        List<MessageViews.LetterBatch> batches = new ArrayList<>();
        byDay.forEach((day, counts) -> batches.add(new MessageViews.LetterBatch(site, day.toString(), counts[0], counts[1])));
        return batches;
    }

    public byte[] pdf(String site, LocalDate day) {
        List<DeliveryEntity> letters = Db.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() ->
                DeliveryEntity.<DeliveryEntity>list("channel = 'letter' and letterSite = ?1 and letterDay = ?2"
                        + " and status in ('sent', 'delivered') order by sentAt", site, day)));
        if (letters.isEmpty()) {
            throw ProblemException.notFound("Aucun courrier pour ce site ce jour-là.");
        }
        List<LetterPdf.Letter> pages = new ArrayList<>();
        for (DeliveryEntity d : letters) {
            NotificationEntity n = Db.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() ->
                    NotificationEntity.<NotificationEntity>findById(d.notificationId)));
            Recipient recipient;
            try {
                recipient = recipients.of(n.journeyId);
            } catch (jakarta.ws.rs.WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    continue; // the journey is gone from journey-service: no address to print
                }
                throw unavailable();
            } catch (RuntimeException e) {
                throw unavailable();
            }
            if (recipient.address() == null) {
                continue; // her address (or her consent to letters) was removed since: nothing to print
            }
            pages.add(new LetterPdf.Letter(recipient.fullName(), recipient.address(), d.body, d.sentAt));
        }
        return LetterPdf.render(site, pages);
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "journey-service-unavailable", "Service indisponible",
                "Les adresses ne peuvent pas être lues pour le moment ; réessayez dans quelques minutes.");
    }

    public int posted(String site, LocalDate day) {
        return Db.await(() -> outcomes.posted(site, day));
    }
}
