package fr.relais.gateway.web.mydata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MyDataPdfTest {

    private static final String EXPORT = """
            {"exportedAt":"2026-12-03T08:40:00Z",
             "person":{"personId":"7b3303cc-ae92-4150-ab1c-63f506750928","givenNames":"Camille","familyName":"Martin",
                       "birthDate":"1984-03-12","email":"camille.martin@example.org","address":null,
                       "consents":{"email":true,"sms":false}},
             "journeys":[{"journey":{"id":"1f0c","procedureId":"cni-renouvellement","status":"IN_PROGRESS",
                          "answers":{"identite":{"commune-naissance":"Aubervilliers"}},
                          "timeline":[{"at":"2026-12-03T08:00:00Z","what":"step-completed","stepId":"identite"}]},
                          "accessLog":[{"at":"2026-12-03T08:10:00Z","actorRole":"counter-agent","action":"read","reason":"presence"}]}],
             "personAccessLog":[],
             "consents":[{"purpose":"surveys","givenAt":"2026-12-03T08:20:00Z","givenVia":"portal","givenByRole":"citizen",
                          "withdrawnAt":"2026-12-03T08:30:00Z","withdrawnVia":"portal","withdrawnByRole":"citizen"}],
             "bookings":[{"id":"b1","site":"fs-aubervilliers","status":"CONFIRMED"}],
             "messages":[],
             "mediationCases":[{"id":"c1","stepId":"formulaire","outcome":null}]}
            """;

    @Test
    void everySectionAndEveryValueIsInTheReadableText() throws Exception {
        JsonNode export = new ObjectMapper().readTree(EXPORT);
        byte[] pdf = MyDataPdf.render(export);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Mes données Relais");
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Vous (votre dossier)", "Prénoms : Camille", "Nom : Martin", "Date de naissance : 1984-03-12",
                "E-mail : camille.martin@example.org", "Consentements", "E-mail : true", "SMS : false",
                "Vos accords, donnés et retirés", "Accord : surveys", "Donné le : 2026-12-03T08:20:00Z",
                "Retiré par (canal) : portal",
                "Vos démarches", "Démarche : cni-renouvellement", "Vos réponses", "commune-naissance : Aubervilliers",
                "Historique", "Accès par le personnel", "Raison : presence",
                "Qui a consulté votre dossier", "Rien.", "Vos rendez-vous", "Site : fs-aubervilliers", "État : CONFIRMED",
                "Les messages envoyés", "Vos accompagnements", "Étape : formulaire");
        assertThat(text).doesNotContain("Adresse").doesNotContain("null");
    }
}
