package fr.relais.notification.service;

import fr.relais.document.FranceServicesSites;
import fr.relais.document.FrenchDates;
import fr.relais.notification.domain.Channel;
import fr.relais.notification.persistence.NotificationEntity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a template may say: dates written out, the site by name, the portal link, the survey link and the help line. Never a name, an
 * address, a number or an answer: the rendered text is stored and shown to the citizen as it was sent.
 */
public final class MessageFacts {

    private MessageFacts() {
    }

    /**
     * @param channel the channel the text goes out on: the survey link ({@code avis}) says it, so the answer is counted
     *                as given from that message
     * @param askOpinion she consented to survey invitations: without it the link is left out (empty), and so is its line
     */
    public static Map<String, Object> of(NotificationEntity notification, String portalUrl, String helpLine, Channel channel,
                                         boolean askOpinion) {
        Map<String, Object> data = new HashMap<>();
        FranceServicesSites.Site site = FranceServicesSites.desk(notification.site);
        data.put("lieu", site.name());
        data.put("ville", site.town() == null ? "" : site.town());
        data.put("quand", when(notification.aboutAt));
        data.put("heure", notification.aboutAt == null ? "" : FrenchDates.time(notification.aboutAt.atZone(FrenchDates.PARIS)));
        data.put("ancien", when(notification.previousAt));
        data.put("fin", notification.untilAt == null ? "" : FrenchDates.withWeekday(notification.untilAt));
        data.put("lien", portalUrl);
        // the end-of-journey survey of this journey, opened from the message (the citizen signs in first)
        data.put("avis", !askOpinion ? "" : notification.journeyId == null ? portalUrl
                : portalUrl + "/avis/" + notification.journeyId + "/" + channel.code());
        data.put("aide", helpLine);
        return data;
    }

    private static String when(Instant at) {
        return at == null ? "" : FrenchDates.withWeekday(at);
    }
}
